//! The engine's closed vocabularies (what a finding is, whose data a mark
//! covers, a mark's status and source, the audit trail's actions) as enums
//! with one written spelling each. [`vocabulary!`] gives every one the same
//! shape: serde and TypeScript use the spelling, SQLite stores it, and
//! reading an unknown word is an error rather than a guess. An older
//! spelling still found in case folders can be listed after the current one
//! (`Variant = "new" | "old"`): `parse` and SQLite read it, nothing
//! writes it.

/// Defines a vocabulary enum: `Variant = "spelling" | "older spelling"`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal $(| $old:literal)*,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
        )]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            /// Every word of the vocabulary, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The one spelling written everywhere.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The word spelt `s` (current or older spelling); anything else
            /// is an `invalid` error naming the words allowed.
            pub fn parse(s: &str) -> $crate::Result<$name> {
                match s {
                    $($text $(| $old)* => Ok($name::$variant),)+
                    _ => Err($crate::Error::Invalid(format!(
                        "unknown {} {s:?} (expected one of: {})",
                        $what,
                        [$($text),+].join(", ")
                    ))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;
            fn from_str(s: &str) -> $crate::Result<$name> {
                $name::parse(s)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<$name> {
                let text = value.as_str()?;
                $name::parse(text).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
    };
}

pub(crate) use vocabulary;

#[cfg(test)]
mod tests {
    use crate::audit::Action;
    use crate::marks::{MarkStatus, Whose};

    #[test]
    fn every_word_reads_back_from_its_spelling_and_from_json() {
        for s in MarkStatus::ALL {
            assert_eq!(MarkStatus::parse(s.as_str()).unwrap(), *s);
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<MarkStatus>(&json).unwrap(), *s);
        }
        assert_eq!(Whose::ThirdParty.as_str(), "third_party");
    }

    #[test]
    fn an_unknown_word_is_an_error_not_a_default() {
        let err = MarkStatus::parse("maybe").unwrap_err();
        assert_eq!(err.code(), "invalid");
        assert!(err.to_string().contains("suggested"), "{err}");
        assert!(serde_json::from_str::<Whose>("\"neighbour\"").is_err());
    }

    #[test]
    fn older_audit_spellings_are_read_but_never_written() {
        assert_eq!(Action::parse("case_created").unwrap(), Action::CaseCreated);
        assert_eq!(Action::parse("case-created").unwrap(), Action::CaseCreated);
        assert_eq!(Action::CaseCreated.as_str(), "case-created");
        assert_eq!(
            Action::parse("subject_updated").unwrap(),
            Action::SubjectUpdated
        );
        for a in Action::ALL {
            assert!(!a.as_str().contains('_'), "{a} is not kebab-case");
        }
    }
}
