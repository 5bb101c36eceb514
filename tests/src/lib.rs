//! Helpers for the acceptance tests.
