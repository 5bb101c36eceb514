//! The numbers that stand for an officer or a worker (issue 16, twelfth
//! round), through the real `disclose` binary, with texts written afresh
//! for these tests: a police officer's collar number beside the rank and
//! name, and an engineer's or operative's number, found as part of the
//! person's name; a time, a year or a firm's registration is not.

use disclose_fixtures::disclose;

#[test]
fn collar_numbers_beside_a_rank_and_name() {
    let d = disclose!();
    let text = "Statement taken by PC Okoro (4471) on Friday.\n\
                A PCSO came round, pcso hallam, number 6230, and left a card.\n\
                Please contact DS 2915\nMartin Vella about the disclosure.\n\
                The officer's collar number is 3307, I think. Officer: PC BRENNAN 05561\n";
    let names = d.detect_kind(text, "person_name");
    for n in ["4471", "6230", "2915", "3307", "05561"] {
        assert!(names.iter().any(|f| f.contains(n)), "{n} in {names:?}");
    }
}

#[test]
fn an_engineers_licence_and_an_operatives_number() {
    let d = disclose!();
    let text = "Engineer Lewis Tait (Gas Safe ID 7730214) capped the meter.\n\
                Operative: Mo Rahman (op. JN42) fitted the door.\n\
                Contractor: Warmway Heating Ltd   Gas Safe reg 661204\n";
    let names = d.detect_kind(text, "person_name");
    assert!(names.iter().any(|f| f == "7730214"), "{names:?}");
    assert!(names.iter().any(|f| f == "JN42"), "{names:?}");
    assert!(!names.iter().any(|f| f.contains("661204")), "{names:?}");
}

#[test]
fn a_time_or_a_year_after_a_rank_is_no_collar_number() {
    let d = disclose!();
    let text = "The PC was called at 1400 hrs.\nPC Dunmore 2025 review attached.\n";
    let names = d.detect_kind(text, "person_name");
    assert!(
        !names
            .iter()
            .any(|f| f.contains("1400") || f.contains("2025")),
        "{names:?}"
    );
}
