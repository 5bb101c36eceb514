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
fn a_professionals_registration_with_their_regulator() {
    // Fifteenth round, written afresh: the number a regulator gives one
    // professional (HCPC, GMC, NMC PIN, Social Work England, BPCA) is theirs;
    // a firm's registration and a year are not.
    let d = disclose!();
    let text = "Assessed by Nia Pryce, Occupational Therapist (HCPC OT70213).\n\
                Dr Amos Reyes, GMC 6120457, wrote in support.\n\
                Nurse: Ellen Hart, NMC PIN 09C1234E. Social worker SWE SW210334.\n\
                Technician: Kai Marr (BPCA reg BPC-31102) for Pestfree Ltd, reg 2019.\n";
    let names = d.detect_kind(text, "person_name");
    for n in ["OT70213", "6120457", "09C1234E", "SW210334", "BPC-31102"] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
    assert!(!names.iter().any(|f| f.contains("2019")), "{names:?}");
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

#[test]
fn a_name_before_a_job_title_or_an_engineers_register_and_a_mc_name_in_capitals() {
    // Written afresh for the sixteenth round: a name followed by a job's
    // title that opens with an organisation's word ("Housing Officer"), or
    // by "Gas Safe ID", is still a name; a surname with "Mc" keeps its
    // small letters in a name in capitals. An organisation named after a
    // person stays clean.
    let d = disclose!();
    let text = "Officer: Niamh O'Rourke Housing Officer Ashgrove Homes\n\
                ENGINEER: TARIQ MAHMOOD  GAS SAFE ID: 6612093\n\
                Defendant: CALLUM JAMES McKENNA\n\
                Copied to Fenwick Housing Association.\n";
    let names = d.detect_kind(text, "person_name");
    assert_eq!(
        names,
        [
            "Niamh O'Rourke",
            "TARIQ MAHMOOD",
            "6612093",
            "CALLUM JAMES McKENNA"
        ]
    );
}

#[test]
fn a_collar_without_the_word_number_a_bleep_and_an_operative_in_brackets() {
    // Written afresh for the eighteenth round: "collar 2217" with no
    // "number", a hospital worker's bleep, an operative's number in
    // brackets and an engineer's staff ID; a year after "collar" is none.
    let text = "Email from PC Hattie Lowe (collar 2217) about the calls.\n\
                Discharge coordinator: Funmi Ade (bleep 4471).\n\
                Lee Carter (op 5532) replaced the waste. Engineer ID 3390145 attended.\n\
                New collar 2024 for the dog.\n";
    let names = disclose!().detect_kind(text, "person_name");
    for n in ["2217", "4471", "5532", "3390145"] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
    assert!(!names.iter().any(|f| f.contains("2024")), "{names:?}");
}

#[test]
fn a_registration_number_after_reg() {
    // Twentieth round: "HCPC reg OT…", the word "reg" between the
    // regulator and the number.
    let names = disclose!().detect_kind("Signed R. Okafor HCPC reg OT55120\n", "person_name");
    assert!(names.iter().any(|f| f == "OT55120"), "{names:?}");
}

#[test]
fn a_pest_technicians_certificate_number() {
    // Twenty-first round: "BPCA cert" before a technician's number.
    let names = disclose!().detect_kind(
        "Technician: Omar Field (BPCA cert BPCA-20931)\n",
        "person_name",
    );
    assert!(names.iter().any(|f| f == "BPCA-20931"), "{names:?}");
}

#[test]
fn a_collar_number_with_the_forces_letters_or_after_constable() {
    // Twenty-second round, written afresh: a force's letters before the
    // number ("SX482", "HC 31109"), "Constable" as the rank, the name on
    // the line after the rank; a time after a rank is no number.
    let text = "Attended: PC Tomasz Wilk HC 31109 and PC O'Leary SX482.\n\
                Constable Fergal Doherty 8813 took the report.\n\
                Call to PC\nFairbrother 6120 about the scooter.\n\
                Met PC Daly at 1400 hrs.\n";
    let names = disclose!().detect_kind(text, "person_name");
    assert!(names.iter().any(|f| f.ends_with("HC 31109")), "{names:?}");
    assert!(names.iter().any(|f| f.ends_with("SX482")), "{names:?}");
    assert!(names.iter().any(|f| f == "8813"), "{names:?}");
    assert!(names.iter().any(|f| f == "6120"), "{names:?}");
    assert!(!names.iter().any(|f| f.contains("1400")), "{names:?}");
}

#[test]
fn a_gas_engineers_id_card_number() {
    // Twenty-second round, written afresh: "Gas Safe ID card no:".
    let names = disclose!().detect_kind(
        "Engineer: Roy Platt     Gas Safe ID card no: 5520914\n",
        "person_name",
    );
    assert!(names.iter().any(|f| f == "5520914"), "{names:?}");
}

/// Twenty-fourth round, written afresh: a technician's, volunteer's,
/// agent's or driver's number with its letters, a worker's ID alone in
/// brackets after the name, and a staff number on the line below its
/// words. An interpreter agency's lettered number stays (the sets call it
/// the agency's).
#[test]
fn a_workers_lettered_number_and_an_id_in_brackets() {
    let d = disclose!();
    let text = "Treatment by Owen Blakely (tech no. R-42) on the landing.\n\
                Parcel handed out by volunteer Doreen (vol ID FB-318).\n\
                Inspected by Amara Quist BSc (ID SQ114) on 3 May.\n\
                Witness: Colm Rafter (porter, staff no\nK55012)\n\
                Translated via Language Line, interpreter ID LX-20931.\n";
    // Found as part of a name, or as a register's number: found either way.
    let mut names = d.detect_kind(text, "person_name");
    names.extend(d.detect_kind(text, "register_number"));
    for n in ["R-42", "FB-318", "SQ114", "K55012"] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
    assert!(!names.iter().any(|f| f.contains("20931")), "{names:?}");
}

#[test]
fn a_collar_number_after_the_rank_again_and_a_mets_letters() {
    // Twenty-fifth round, written afresh: the rank written again before
    // the number ("PC Ana Vidal PC 4410"), "collar PCSO 6102", a Met
    // officer's "PC 552KD", and the rank alone before the number ("PC
    // 7304"): each found with its rank.
    let text = "OIC: PC Ana Vidal PC 4410. The PCSO is Dev Sandhu PCSO 3187.\n\
                With the police (PCSO Jo Marr, collar PCSO 6102) and the council.\n\
                Statement of PC Tom Reid PC 552KD.\n\
                she gave mum a card, PC 7304 r. walsh\n";
    let names = disclose!().detect_kind(text, "person_name");
    for n in ["PC 4410", "PCSO 3187", "PCSO 6102", "PC 552KD", "PC 7304"] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
}

#[test]
fn a_staff_number_with_its_words() {
    // Twenty-fifth round, written afresh: a staff, employee, payroll,
    // firefighter's service or bailiff's number found with the words that
    // say so; a year after "staff" is none.
    let text = "Key: AB = Ann Bright (staff 20455); Disclosure Officer, employee no. 318820\n\
                Crew: WM Ross Kerr (service no. 5521). Bailiff: Mr Dent (bailiff no. CCB 204)\n\
                Operative Lyle Moss, payroll NB04417. The staff 2024 survey is attached.\n";
    let names = disclose!().detect_kind(text, "person_name");
    for n in [
        "staff 20455",
        "employee no. 318820",
        "service no. 5521",
        "bailiff no. CCB 204",
        "payroll NB04417",
    ] {
        assert!(names.iter().any(|f| f == n), "{n} in {names:?}");
    }
    assert!(!names.iter().any(|f| f.contains("2024")), "{names:?}");
}

#[test]
fn a_door_supervisors_sia_licence() {
    // Twenty-sixth round, written afresh: a CCTV operator's or door
    // supervisor's Security Industry Authority licence, sixteen digits after
    // "SIA", names them as their name does; sixteen digits after no such
    // word are no licence of anyone's.
    let d = disclose!();
    let text = "Night operator: Kerr, Alisdair (SIA 1017 3304 5521 0968)\n\
                Relief: SIA licence no. 1013884120057731\n\
                Batch 4417 0081 2231 0065 exported.\n";
    let names = d.detect_kind(text, "person_name");
    assert!(
        names.contains(&"1017 3304 5521 0968".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"1013884120057731".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("4417")), "{names:?}");
}

#[test]
fn a_collar_number_with_a_forces_letters_after_its_word() {
    // Thirtieth round, written afresh: "collar" or "shoulder no." before a
    // number with a force's letters before or after its digits.
    let d = disclose!();
    let text = "Officer at scene: PC Dyer (collar WY4410).\n\
                PCSO Hanley (shoulder no. 2290KX) took a statement.\n";
    assert_eq!(
        d.detect_kind(text, "person_name"),
        ["PC Dyer", "WY4410", "PCSO Hanley", "2290KX"]
    );
}
