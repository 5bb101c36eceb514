//! An organisation's own ways in, which name no person: UK non-geographic
//! service numbers ("0300 123 4567", "0800 111 999", "0345 …"), the
//! mailboxes of a role or team ("customerservices@", "asb.team@",
//! "enquiries@", "legal@"), and a letterhead's office number and postcode
//! (on or under a line naming the organisation: "Leeds City Council, Civic
//! Hall, Leeds LS1 1UR", "Tel 01302 960 100"), an office's line by its
//! label, what follows it or the organisation's name before it ("Customer
//! Hub on …", "… (main)", "… option 3", "Ombudsman Service (…)"), a
//! landline as round as a switchboard's after an organisation's name
//! ("Avonside Homes on 01225 496 0400") and no one's, and an address the
//! text calls a team's ("Team inbox: sustain@…").
//! (The street before such a postcode is left as it is: taking it out too
//! cost a held-out set right findings and gained nothing.) A person's
//! mobile or home line is never on the 03, 080, 084, 087 or 09 ranges, and
//! a mailbox whose name is only words of a role or a service reaches
//! whoever holds the role.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon as lex;
use super::{DataKind, Finding};

/// Whether `f` is an organisation's number, mailbox or letterhead, not a
/// person's.
/// `all` is every finding of the text, to see whose name a line gives.
pub(super) fn organisation_contact(text: &str, f: &Finding, all: &[Finding]) -> bool {
    match f.kind {
        DataKind::Phone => {
            service_number(&f.text)
                || office_line(text, f, all)
                || letterhead_number(text, f, all)
                || beside_the_offices_address(text, f, all)
        }
        DataKind::Email => {
            role_mailbox(&f.text) || worded_mailbox(&f.text) || team_inbox(text, f.start)
        }
        DataKind::Postcode => letterhead(text, f),
        DataKind::AddressLine => letterhead_address(text, f, all),
        _ => false,
    }
}

/// A line's words that name an organisation's premises or the
/// organisation: "Leeds City Council, Civic Hall", "DR GRAY'S SURGERY",
/// "HUDSON REES SOLICITORS", "PO Box 77".
static ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:po[ \t]+box|council|solicitors|surgery|school|academy|college|university|hospital|health[ \t]+centre|medical[ \t]+centre|(?:medical|dental|gp)[ \t]+practice|police|constabulary|ombudsman|house[ \t]+of[ \t]+commons|parliament|chambers|housing|homes|association|ltd|limited|plc|llp|trust|charity|services|social[ \t]+care|civic|headteacher|practice[ \t]+manager|constituency|partnership|service|agency|lettings|centre|department|dept|coroner|(?:city|town)[ \t]+hall|vicarage)(?-u:\b)")
        .expect("valid regex")
});

/// Labels of an office's own line: "Switchboard", "duty line", "Helpline",
/// "Customer Hub on", "out of hours call", "Income team number", "Main
/// office", "Office:" after something else on its line (opening it, under
/// a signature's name, it is the writer's own), "Desk phone", a team's
/// name ("Eastside Neighbourhood Team"), "contractor line", "shared line",
/// "our office no (", "contact us immediately on", "Main:", "Mailbox:
/// Neighbourhood Team East", "Repairs line is", "Reception is", "Scheme
/// phone", "PCN query line" (not "Fax:" nor "(office)" after it, which a
/// person's signature gives too).
static OFFICE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:switchboard|helpline|careline|duty[ \t]+line|main[ \t]+(?:line|office)|desk[ \t]+(?:phone|line)|reception|general[ \t]+enquiries|customer[ \t]+(?:services|hub)|out[ \t]+of[ \t]+hours(?:[ \t]+(?:call|line|number))?|shared[ \t]+(?:line|number)|(?-u:\b)our[ \t]+office[ \t]+(?:no\.?|number|line)|(?-u:\b)team(?:[ \t]+(?:number|line))?|contractor[ \t]+line|[^ \t][ \t]+office|(?-u:\b)main|mailbox[ \t]*:[^:\n]*|(?:repairs?|emergency|rents?|income|asb|enquiries)[ \t]+(?:line|number)[ \t]+is|(?:contact|call|ring|phone|telephone)[ \t]+us(?:[ \t]+[a-z]+)?[ \t]+on|scheme[ \t]+(?:phone|number|line)|(?:query|enquiry|advice)[ \t]+line)[ \t]*:?[ \t]*(?:(?:on|is)[ \t]+)?\(?$")
        .expect("valid regex")
});

/// An organisation's name just before, perhaps then a bracket or a comma:
/// "Housing Ombudsman Service (", "Charnwood Home Improvement Agency (",
/// "Jubilee Street Practice, ".
static ORGANISATION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:service|services|agency|practice|surgery|council|ombudsman|solicitors|trust|association|partnership|hospital|police|school|academy|college|university|foundation|charity)[ \t]*[(,]?[ \t]*$")
        .expect("valid regex")
});

/// After an office's number: "(main)", "switchboard", "(repairs line)",
/// "option 3", its opening hours "(8am-6pm Mon-Fri)".
static OFFICE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:\(main\)|\(switchboard\)|switchboard|\((?:duty|repairs|emergency|general|office|main)[ \t]+line\)|option[ \t]+\d|\([ \t]*\d{1,2}(?:[.:]\d\d)?[ \t]*(?:am|pm))")
        .expect("valid regex")
});

/// Just before a number, a label of a person's own line: "Direct",
/// "Mobile", "DDI".
static OWN_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:direct|direct[ \t]+line|dd|ddi|mobile|mob|m|my[ \t]+number|personal)[ \t]*[:.]?[ \t]*$")
        .expect("valid regex")
});

/// The line holding byte `at` and the line before it.
fn lines_around(text: &str, at: usize) -> (&str, &str) {
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    let prev_start = text[..start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |k| k + 1);
    (&text[start..end], &text[prev_start..start])
}

/// An office's number: after a label of one ("Switchboard", or "Tel" or
/// "Fax" in the first eight lines of a letter where its line, the line
/// before, or the one above an address line under it names the
/// organisation), after the organisation's name ("Housing Ombudsman
/// Service (…)") or followed by "(duty line)", "(main)", "option 3" or its
/// opening hours, or a landline ending in "00" after an organisation's
/// name; not a person's own direct line or a mobile, nor "Tel"
/// under a signature or after a person's name and role ("Referrer: Jo
/// Whitfield, Housing Options Officer, Sheffield City Council   Tel …").
fn office_line(text: &str, f: &Finding, all: &[Finding]) -> bool {
    let line_start = text[..f.start].rfind('\n').map_or(0, |k| k + 1);
    let before = &text[line_start..f.start];
    if OWN_LABEL.is_match(before) {
        return false;
    }
    // ("Mark O'Brien, Lancashire County Council, 01772 …": a person's
    // name and a comma before the organisation's make it their line.)
    let labelled = OFFICE_LABEL.is_match(before)
        || OFFICE_AFTER.is_match(&text[f.end..])
        || ORGANISATION_BEFORE.is_match(before) && !signed_between(text, all, line_start, f.start)
        // A landline as round as offices choose for their switchboards,
        // after an organisation's name on its line and no one's ("contact
        // Avonside Homes on 01225 496 0400"; "Reverend Colin Ashby | … |
        // 01282 496 700" is his). One person's line in a hundred ends in
        // "00", so that alone is not enough ("Call 0161 496 0000.").
        || f.text.ends_with("00")
            && ORGANISATION.is_match(before)
            && !person_between(text, all, line_start, f.start);
    let label = before
        .trim_end_matches([' ', '\t', ':', '.'])
        .to_ascii_lowercase();
    // (At a letter's head a fax is the office's too.)
    let tel = label.ends_with("tel") || label.ends_with("telephone") || label.ends_with("fax");
    // "Tel" names the office's line at the head of a letter; under a
    // signature at its foot it is the writer's own. (Asked only of a
    // "Tel" line: a contact list holds thousands of numbers.)
    let above = &text[..line_start];
    let head = || {
        above.match_indices('\n').nth(7).is_none()
            && above
                .lines()
                .all(|l| !l.trim_end().ends_with(['.', ',', '!', '?']))
    };
    let (line, prev) = lines_around(text, f.start);
    // "The Willows Medical Practice\nWillow Lane, …\nTel …": or the line
    // above the address under the organisation's name.
    let (_, prev2) = lines_around(text, line_start.saturating_sub(1));
    let named = ORGANISATION.is_match(line)
        || ORGANISATION.is_match(prev)
        || heading(prev) && ORGANISATION.is_match(prev2);
    !mobile(f)
        && (labelled || tel && named && head() && !signed_between(text, all, line_start, f.start))
}

/// A landline on the line of a team's mailbox or a web site, as a
/// footer or a letterhead sets them side by side ("gas.safety@….org.uk |
/// 0161 496 0100", "0161 496 0555 | www.….org.uk"): the office's. Not a
/// mobile, nor a line labelled as a person's own ("Direct: …"), nor one
/// beside a person's own mailbox.
fn beside_the_offices_address(text: &str, f: &Finding, all: &[Finding]) -> bool {
    let line_start = text[..f.start].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[f.end..].find('\n').map_or(text.len(), |k| f.end + k);
    if mobile(f) || OWN_LABEL.is_match(&text[line_start..f.start]) {
        return false;
    }
    // Whether each mailbox on the line is a team's.
    let teams: Vec<bool> = all
        .iter()
        .filter(|m| m.kind == DataKind::Email && m.start >= line_start && m.end <= line_end)
        .map(|m| role_mailbox(&m.text))
        .collect();
    let line = text[line_start..line_end].to_ascii_lowercase();
    let site = line.contains("www.") || line.contains("http");
    (teams.contains(&true) || site) && !teams.contains(&false)
}

/// A mobile is a person's, even under a letterhead.
fn mobile(f: &Finding) -> bool {
    let digits: String = f.text.chars().filter(char::is_ascii_digit).collect();
    digits.starts_with("07") || digits.starts_with("447")
}

/// The person names of `all` that lie between `from` and `to`.
fn names_within(all: &[Finding], from: usize, to: usize) -> impl Iterator<Item = &Finding> {
    all.iter()
        .filter(move |g| g.kind == DataKind::PersonName && g.start >= from && g.end <= to)
}

/// Whether a person's name lies between `from` and `to`, not as the name
/// of a place ("Dr Gray's Surgery").
fn person_between(text: &str, all: &[Finding], from: usize, to: usize) -> bool {
    names_within(all, from, to).any(|g| !text[g.end..].starts_with(['\'', '’']))
}

/// Whether a person's name and a comma, as a signature gives a name and
/// its role ("Jo Whitfield, Housing Options Officer"), lie between `from`
/// and `to`; "Headteacher: Mrs Bernadette Ivy   Tel:" heads a letter.
fn signed_between(text: &str, all: &[Finding], from: usize, to: usize) -> bool {
    names_within(all, from, to).any(|g| g.end < to && text[g.end..].starts_with(','))
}

/// A landline on the second or third line of a text that opens with an
/// organisation's name, after only the names of its premises: "Pennine
/// Housing Partnership\nCustomer Resolution Team, Victoria House, Oldham
/// OL1 1HL · 0161 496 0222". No person is named above it or before it, no
/// field is labelled ("Address:", "Name:") and no sentence is written.
fn letterhead_number(text: &str, f: &Finding, all: &[Finding]) -> bool {
    let line_start = text[..f.start].rfind('\n').map_or(0, |k| k + 1);
    let above = &text[..line_start];
    // Which line it is on, counted no further than needed.
    let row = above.match_indices('\n').take(3).count();
    let first = above.lines().next().unwrap_or("");
    let before = text[line_start..f.start]
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == ':');
    !mobile(f)
        && (1..=2).contains(&row)
        && heading(first)
        && !first.contains(':')
        && !before.contains(':')
        && above
            .lines()
            .skip(1)
            .all(|l| loosely_heading(l) && !l.contains(':'))
        && loosely_heading(before)
        && !person_between(text, all, 0, f.start)
}

/// A heading with at most one word in small letters besides those
/// `heading` allows, as a scan splits one ("Hous ing Disrepair Dept").
fn loosely_heading(line: &str) -> bool {
    let small = line
        .split([' ', '\t', ',', '\r', '\n'])
        .filter(|w| !heading(w))
        .count();
    small <= 1
}

/// An organisation's postcode in its letterhead or signature: on a line
/// that names the organisation or after one ("Leeds City Council,
/// Civic Hall, Leeds LS1 1UR", "DR GRAY'S SURGERY\nThe Health Centre, Mill
/// Lane, Burnley BB11 2QA", "PO Box 152, Liverpool L33 7WQ").
fn letterhead(text: &str, f: &Finding) -> bool {
    let (_, prev) = lines_around(text, f.start);
    let line_start = text[..f.start].rfind('\n').map_or(0, |k| k + 1);
    // Before it on its line, and on the line before that names the
    // organisation, only names, as a letterhead writes them ("3rd Floor,
    // Wilberforce Chambers, "): no sentence ("Police attended 12 Kiln
    // Lane", "i report to housing").
    let before = &text[line_start..f.start];
    heading(before)
        && (ORGANISATION.is_match(before) || heading(prev) && ORGANISATION.is_match(prev))
}

/// An organisation's street address before its letterhead postcode on
/// the same line: "Bramley & Keane Lettings | 3 Town Street, Horsforth,
/// Leeds LS18 4RJ", "City Hall, 115 Charles Street, Leicester LE1 1FZ"
/// under "LEICESTER CITY COUNCIL"; not after a label or a person's name
/// on its line, nor after a team's name ("Customer Services Team, 9 Dock
/// Street"), which says where a team sits, not that the building is the
/// organisation's.
fn letterhead_address(text: &str, f: &Finding, all: &[Finding]) -> bool {
    let line_start = text[..f.start].rfind('\n').map_or(0, |k| k + 1);
    let line_end = text[f.end..].find('\n').map_or(text.len(), |k| f.end + k);
    let before = &text[line_start..f.start];
    // "Alder Housing: Flat 3, …": a label's value may be anyone's, and a
    // row naming a person before the address is theirs.
    let own_line = !before.contains(':') && !person_between(text, all, line_start, f.start);
    own_line
        && names_an_organisation_last(before)
        && all.iter().any(|p| {
            p.kind == DataKind::Postcode
                && p.start >= f.end
                && p.end <= line_end
                && p.start - f.end <= 40
                && letterhead(text, p)
        })
}

/// Whether the name just before an address on its line, if there is one,
/// ends in a word that names an organisation ("Harrow & Pike Lettings | ",
/// "Bradford Family Justice Centre, ", "City Hall, ").
fn names_an_organisation_last(before: &str) -> bool {
    let name = before
        .trim_end_matches([' ', '\t', ',', '|', '\u{b7}', '-'])
        .rsplit([',', '|', '\u{b7}'])
        .next()
        .unwrap_or("")
        .trim();
    name.is_empty()
        || ORGANISATION
            .find_iter(name)
            .any(|m| name[m.end()..].trim().is_empty())
}

/// Whether `line` holds only names, as a letterhead writes them: no word
/// in lower case but "of", "and", "the", "on", "upon".
fn heading(line: &str) -> bool {
    line.split([' ', '\t', ',', '\r', '\n']).all(|w| {
        w.is_empty()
            || !w.starts_with(|c: char| c.is_lowercase())
            || matches!(w, "of" | "and" | "the" | "on" | "upon" | "le")
    })
}

/// "0300 555 0199", "0800 111 999", "0345 070 2255", "+44 300 …":
/// national numbers on the non-geographic ranges 3, 80, 84, 87 and 9.
fn service_number(text: &str) -> bool {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    // A number dialled from abroad to another country ("+353 …", "+91 …")
    // is no UK service number.
    let national = if text.trim_start().starts_with('+') {
        digits.strip_prefix("44").unwrap_or("")
    } else {
        digits.strip_prefix('0').unwrap_or("")
    };
    ["3", "80", "84", "87", "9"]
        .iter()
        .any(|p| national.starts_with(p))
}

/// The words of a role or team's mailbox.
const ROLE_WORDS: &[&str] = &[
    "info",
    "enquiries",
    "enquiry",
    "contact",
    "contactus",
    "admin",
    "office",
    "reception",
    "complaints",
    "complaint",
    "customer",
    "customers",
    "services",
    "service",
    "legal",
    "asb",
    "team",
    "teams",
    "housing",
    "repairs",
    "repair",
    "head",
    "headteacher",
    "support",
    "hello",
    "help",
    "helpdesk",
    "noreply",
    "no",
    "reply",
    "donotreply",
    "mail",
    "post",
    "general",
    "accounts",
    "finance",
    "rents",
    "rent",
    "income",
    "lettings",
    "tenancy",
    "safeguarding",
    "foi",
    "dpo",
    "data",
    "protection",
    "privacy",
    "press",
    "media",
    "hr",
    "jobs",
    "env",
    "environmental",
    "health",
    "neighbourhoods",
    "neighbourhood",
    "feedback",
    "webmaster",
    "postmaster",
    "estates",
    "voids",
    "allocations",
    "homeless",
    "options",
    "ombudsman",
    "duty",
    "careline",
    "emergency",
    "out",
    "of",
    "hours",
    "community",
    "safety",
    "parking",
    "licensing",
    "council",
    "business",
    "gas",
    "anti",
    "social",
    "hub",
    "partnerships",
    "partnership",
    "referrals",
    "referral",
    "casework",
    "ceo",
    "mash",
    "marac",
    "governance",
    "compliance",
    "inbox",
    "mailbox",
    "relations",
    "litigation",
    "disrepair",
    "fraud",
    "maintenance",
    "involvement",
    "engagement",
    "investigations",
    "to",
    "and",
    "refer",
    "adaptations",
    "adaptation",
    "benefits",
    "revenues",
    "revenue",
    "gypsy",
    "traveller",
    "travellers",
    "welfare",
    "tenancies",
    "mp",
    "mps",
    "dsl",
    "home",
    "ownership",
    "review",
    "reviews",
    "leasehold",
    "leaseholders",
    "engage",
    "disclosure",
    "unit",
];

/// The last part of a team's mailbox whose first part is a place or a
/// scheme's name: "westfield.office@", "northside-hub@".
const TEAM_ENDINGS: &[&str] = &["office", "team", "hub", "enquiries", "admin", "reception"];

/// "Team inbox: sustain@…", "Shared mailbox: …": an address the text
/// calls a team's.
fn team_inbox(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let before = text[line_start..at]
        .trim_end_matches([' ', '\t', ':'])
        .to_ascii_lowercase();
    [
        "team inbox",
        "team mailbox",
        "shared inbox",
        "shared mailbox",
        "group inbox",
        "group mailbox",
    ]
    .iter()
    .any(|l| before.ends_with(l))
}

/// "customerservices@…", "asb.team@…", "enquiries@…": a local part made
/// wholly of role words, with or without dots, dashes and underscores
/// between them.
fn role_mailbox(text: &str) -> bool {
    let Some((local, _)) = text.split_once('@') else {
        return false;
    };
    let local = local.to_ascii_lowercase();
    let parts: Vec<&str> = local.split(['.', '_', '-']).collect();
    if parts
        .iter()
        .all(|part| !part.is_empty() && of_role_words(part))
    {
        return true;
    }
    // "westfield.office": a team's word last, no part a person's name, and
    // the first part letters only.
    matches!(parts.as_slice(), [first, .., last]
        if TEAM_ENDINGS.contains(last)
            && parts.iter().all(|p| p.len() > 1 && !lex::is_given(p) && !lex::is_surname(p))
            && first.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Domains of the mail services people have their own addresses at.
const PERSONAL_DOMAINS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "yahoo",
    "ymail",
    "icloud",
    "me",
    "mac",
    "aol",
    "btinternet",
    "btopenworld",
    "sky",
    "talktalk",
    "virginmedia",
    "ntlworld",
    "blueyonder",
    "tiscali",
    "protonmail",
    "proton",
    "gmx",
    "mail",
    "zoho",
    "yandex",
    "inbox",
];

/// "recharges@airevalleyhomes.org.uk", "getonline@…", "civilclaims@…":
/// at an organisation's domain (not a mail service people sign up to), a
/// local part of ordinary English words run together, one of five
/// letters or more and none a name, is a function's mailbox. "hobson@"
/// ("hob" and "son"), "j.dawson@" and "executive_director@" are people's.
fn worded_mailbox(address: &str) -> bool {
    let Some((local, domain)) = address.split_once('@') else {
        return false;
    };
    let service = domain
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if PERSONAL_DOMAINS.contains(&service.as_str()) {
        return false;
    }
    let local = local.to_ascii_lowercase();
    local
        .split(['.', '_', '-'])
        .all(|part| !part.is_empty() && of_english_words(part))
}

/// Whether `part`, seven letters or more, is English words run together,
/// each of three letters or more and no name nor post, one of five or more.
fn of_english_words(part: &str) -> bool {
    // A post one person holds ("executive_director@") is that person's.
    const POSTS: &[&str] = &[
        "executive",
        "director",
        "president",
        "chair",
        "chairman",
        "chief",
    ];
    let no_name = |w: &str| {
        let b = lex::Bits::of(w);
        b.is_english()
            && !b.is_given()
            && !b.is_surname()
            && !b.is_word_surname()
            && !b.is_ambiguous()
            && !b.is_job_word()
            && !POSTS.contains(&w)
    };
    if part.len() < 7 || !part.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    // Prefixes of `part` that are runs of such words, and whether a long
    // one was among them.
    let mut reach: Vec<Option<bool>> = vec![None; part.len() + 1];
    reach[0] = Some(false);
    for from in 0..part.len() {
        let Some(long) = reach[from] else {
            continue;
        };
        for to in from + 3..=part.len() {
            if no_name(&part[from..to]) {
                let long = long || to - from >= 5;
                reach[to] = Some(reach[to].unwrap_or(false) || long);
            }
        }
    }
    reach[part.len()] == Some(true)
}

/// Whether `part` is one or more role words run together.
fn of_role_words(part: &str) -> bool {
    // Prefixes of `part` that are runs of role words.
    let mut reach = vec![false; part.len() + 1];
    reach[0] = true;
    for from in 0..part.len() {
        if !reach[from] || !part.is_char_boundary(from) {
            continue;
        }
        for w in ROLE_WORDS {
            if part[from..].starts_with(w) {
                reach[from + w.len()] = true;
            }
        }
    }
    reach[part.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_numbers_are_the_non_geographic_ranges() {
        for n in [
            "0300 555 0199",
            "0800 111 999",
            "0345 070 2255",
            "0845 600 1122",
            "+44 300 123 4567",
        ] {
            assert!(service_number(n), "{n}");
        }
        for n in [
            "07700 900 417",
            "0113 496 0771",
            "01302 960 114",
            "020 7946 0123",
            "+353 21 496 0871",
            "+91 98450 12345",
        ] {
            assert!(!service_number(n), "{n}");
        }
    }

    #[test]
    fn role_mailboxes_are_made_of_role_words() {
        for m in [
            "customerservices@x.example",
            "asb.team@x.example",
            "enquiries@x.example",
            "envprotection@x.example",
            "no-reply@x.example",
            "dutytorefer@x.example",
            "gypsyandtravellerteam@x.example",
            "homelessreviews@x.example",
            "disclosure.unit@x.example",
        ] {
            assert!(role_mailbox(m), "{m}");
        }
        for m in [
            "tony.anderson@x.example",
            "hannah.desouza@x.example",
            "o.bakare@x.example",
            "jhead@x.example",
            "tayla.m@x.example",
        ] {
            assert!(!role_mailbox(m), "{m}");
        }
    }
}
