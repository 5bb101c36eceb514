//! Words that stand where a name goes but name no one, and names that are
//! words (issue 16, twelfth round), through the real `disclose` binary, with
//! texts written afresh for these tests.

use crate::assert_names;

#[test]
fn cries_groups_and_roles_after_a_cue_are_no_names() {
    assert_names(
        "CALLER: Thanks. Oh - and the lad next door is back.\nDear Sirs\nThank you God it was quiet.\n",
        &[],
    );
    assert_names(
        "My constituent has asked me to write. The complainant says her son Callum sed he saw it.\n",
        &["Callum"],
    );
    assert_names(
        "RENT ACCOUNT - HOUSEHOLD COMPOSITION CHECKLIST\nLady from the office rang.\n",
        &[],
    );
}
