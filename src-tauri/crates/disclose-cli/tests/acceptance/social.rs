//! Social media accounts are a third party's identifiers (issue 16,
//! fifteenth round), through the real `disclose` binary, with texts written
//! afresh for these tests: a handle with its "@" after a space or in
//! brackets, a profile's address; not the "@" of an e-mail address nor one
//! before a time; a chat's "@Name" stays the person's name where a name
//! rule finds it.

use disclose_fixtures::disclose;

#[test]
fn handles_and_profile_addresses_are_found() {
    let d = disclose!();
    let text = "Screenshot from Ceri Vaughan (@ceri_v.88) sent by the tenant.\n\
                Her brother posts as @dai.v_ and on facebook.com/dai.vaughan.7 too.\n\
                Email me at dai.vaughan@post.example or meet @5pm, @ the office.\n";
    assert_eq!(
        d.detect_kind(text, "social_handle"),
        ["@ceri_v.88", "@dai.v_", "facebook.com/dai.vaughan.7"]
    );
    assert_eq!(d.detect_kind(text, "email"), ["dai.vaughan@post.example"]);
}

#[test]
fn a_handle_holding_a_name_is_the_handle_whole() {
    // Written afresh for the eighteenth round: a name found inside a
    // handle that holds more than it leaves the handle whole; "@Dave" alone
    // in a chat stays the name.
    let d = disclose!();
    let text = "Her Instagram tags \"Jacko\" (@jmilner_88) in every photo.\n";
    assert_eq!(d.detect_kind(text, "social_handle"), ["@jmilner_88"]);
}

#[test]
fn an_organisations_account_is_no_ones_handle() {
    // Twenty-fifth round, written afresh: a landlord's, a contractor's and
    // a council's accounts in camel case are none; a councillor's and a
    // neighbour's, holding a given name, are.
    let d = disclose!();
    let text = "@BrookvaleHomesUK 2 weeks no heating!! your contractor @WarmfixMids never came\n\
                @CllrPriyaShah: I've raised it with @KirkbyCouncil today\n\
                @TonyRees88 same in flat 12\n\
                BrookvaleHomesUK: Hi Tony, sorry to hear that.\n";
    assert_eq!(
        d.detect_kind(text, "social_handle"),
        ["@CllrPriyaShah", "@TonyRees88"]
    );
    let names = d.detect_kind(text, "person_name");
    assert!(!names.iter().any(|n| n.contains("Brookvale")), "{names:?}");
}

#[test]
fn reddit_users_and_a_handle_in_bold() {
    // Twenty-ninth round, written afresh: a thread's users, "u/…" and
    // "/u/…", and a wiki's "**@…**" mention are handles; a subreddit is
    // not, nor is "u/" inside a word or a path.
    let d = disclose!();
    let text = "r/HousingUK · posted by u/mould_mum_kirkby\n\
                u/BinStoreWatcher88 · 2d · 14 pts\n\
                reply to /u/tenant-rep_sal: try the ombudsman\n\
                **@rkhalid** (4 Mar): agreed, logged it.\n\
                see menu/uploads and situ/situation\n";
    assert_eq!(
        d.detect_kind(text, "social_handle"),
        [
            "u/mould_mum_kirkby",
            "u/BinStoreWatcher88",
            "/u/tenant-rep_sal",
            "@rkhalid"
        ]
    );
}
