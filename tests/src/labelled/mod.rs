//! Labelled documents for measuring detection: fictional UK social-housing
//! texts (ASB complaint notes, repair logs, rent arrears letters, housing
//! officer emails, tenancy notes) generated from a seed, each with the gold
//! spans of the personal data in it and whose data it is. They also hold
//! the hard negatives a recogniser must leave alone: streets named after
//! people, organisations, months and words that are names, job references
//! that look like phone numbers. `score` compares a recogniser's findings
//! with the gold spans. Phone numbers are from Ofcom's drama ranges and
//! domains are `example` ones; no real person is in it.

mod score;

use disclose_core::demo::rng::Rng;

pub use score::{score, KindScore, Report};

/// Whose personal data a gold span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Subject,
    Household,
    Staff,
    ThirdParty,
    /// Not a person's: an office phone, an organisation's postcode.
    None,
}

/// A labelled span: `text[start..end]` is personal data of `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
    pub whose: Whose,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub text: String,
    pub spans: Vec<Span>,
}

/// Helpers for picking from the seeded generator.
trait Draw {
    fn chance(&mut self, percent: usize) -> bool;
    fn digits(&mut self, n: usize) -> String;
    fn letters(&mut self, n: usize, from: &str) -> String;
}

impl Draw for Rng {
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    fn letters(&mut self, n: usize, from: &str) -> String {
        let from = from.as_bytes();
        (0..n)
            .map(|_| char::from(from[self.below(from.len())]))
            .collect()
    }
}

// The cast is drawn from these; a few names in each list are deliberately
// rare ones the recogniser's own lists do not hold.
const GIVEN: &[&str] = &[
    "Jane",
    "Tariq",
    "Grace",
    "Daniel",
    "Priya",
    "Chidi",
    "Agnieszka",
    "Mohammed",
    "Sophie",
    "Kwame",
    "Ewa",
    "Callum",
    "Aisha",
    "Olumide",
    "Siobhan",
    "Tomasz",
    "Fatima",
    "Gareth",
    "Leanne",
    "Imran",
    "Chloe",
    "Bogdan",
    "Nkechi",
    "Rhys",
    "Hannah",
    "Marek",
    "Zainab",
    "Liam",
    "Temitope",
    "Shabana",
    "Kieran",
    "Olga",
    "Will",
    "Mark",
    "May",
    "Hope",
    "Bill",
    "Sam",
    "Adebayo",
    "Megan",
    "Darius",
    "Yasmin",
    "Connor",
    "Dorota",
    "Emeka",
    "Ruth",
    "Ravi",
    "Abena",
    "Lucy",
    "Mihai",
];
const SURNAMES: &[&str] = &[
    "Okafor",
    "Patel",
    "Smith",
    "Khan",
    "Kowalski",
    "Mensah",
    "Jones",
    "Hussain",
    "Nowak",
    "Williams",
    "O'Brien",
    "Begum",
    "Adeyemi",
    "Taylor",
    "Popescu",
    "Ahmed",
    "Evans",
    "Nwosu",
    "Davies",
    "Wisniewski",
    "Brown",
    "Green",
    "Osei",
    "Ferreira",
    "Quinlan",
    "Chowdhury",
    "Kamara",
    "Walsh",
    "Sharma",
    "Lewandowski",
    "Boateng",
    "Robinson",
    "Iqbal",
    "Murphy",
    "Adeyinka",
    "Wright",
    "Hughes",
    "Baptiste",
    "Mahmood",
    "Thompson",
    "Okonkwo",
    "Kaur",
    "Smith-Jones",
    "Obi",
    "Hall",
    "Rahman",
];
const STREETS: &[&str] = &[
    "Victoria Road",
    "Mill Lane",
    "Acacia Avenue",
    "Churchill Gardens",
    "Albert Street",
    "Nelson Mandela Close",
    "St John's Close",
    "Grange Drive",
    "Princess Street",
    "King Street",
    "Wellington Road",
    "George Street",
    "Florence Court",
    "Elizabeth Way",
    "Mary Seacole Close",
    "Station Road",
    "Church Lane",
    "Hope Street",
    "Chelsea Avenue",
    "Okafor Court",
];
const TOWNS: &[&str] = &[
    "Stockport",
    "Manchester",
    "Oldham",
    "Bury",
    "Salford",
    "Ashton",
];
const OUTWARD: &[&str] = &[
    "SK1", "SK2", "SK4", "SK5", "M14", "M1", "M20", "OL6", "M32", "SK3", "M19", "WA14", "BL1",
    "OL1", "M8",
];
const ORGS: &[&str] = &[
    "Smith & Co Ltd",
    "Barclays Bank",
    "Jones Housing Association",
    "Patel Brothers Ltd",
    "Brightfix Ltd",
    "Okafor & Sons Plumbing",
    "Greater Manchester Police",
    "Citizens Advice",
    "Victoria Wine Ltd",
    "Stockport Council",
];
const TITLES_F: &[&str] = &["Mrs", "Ms", "Miss", "Dr"];
const TITLES_M: &[&str] = &["Mr", "Dr", "Mr."];

struct Person {
    given: &'static str,
    surname: &'static str,
    title: &'static str,
    whose: Whose,
}

/// How a name is written in the text.
#[derive(Clone, Copy)]
enum Form {
    Full,
    Title,
    TitleInitial,
    Initial,
    SurnameComma,
    Upper,
    Lower,
    Given,
    Possessive,
}

/// A document under construction.
struct Doc {
    d: Document,
}

impl Doc {
    fn new() -> Doc {
        Doc {
            d: Document::default(),
        }
    }

    fn t(&mut self, s: &str) -> &mut Doc {
        self.d.text.push_str(s);
        self
    }

    fn g(&mut self, s: &str, kind: &'static str, whose: Whose) -> &mut Doc {
        let start = self.d.text.len();
        self.d.text.push_str(s);
        self.d.spans.push(Span {
            start,
            end: self.d.text.len(),
            kind,
            whose,
        });
        self
    }

    fn name(&mut self, p: &Person, form: Form) -> &mut Doc {
        let w = p.whose;
        let initial = &p.given[..1];
        match form {
            Form::Full => self.g(&format!("{} {}", p.given, p.surname), "person_name", w),
            Form::Title => self
                .t(&format!("{} ", p.title))
                .g(p.surname, "person_name", w),
            Form::TitleInitial => self.t(&format!("{} ", p.title)).g(
                &format!("{initial}. {}", p.surname),
                "person_name",
                w,
            ),
            Form::Initial => self.g(&format!("{initial} {}", p.surname), "person_name", w),
            Form::SurnameComma => self.g(&format!("{}, {}", p.surname, p.given), "person_name", w),
            Form::Upper => self.g(
                &format!("{} {}", p.given, p.surname).to_uppercase(),
                "person_name",
                w,
            ),
            Form::Lower => self.g(
                &format!("{} {}", p.given, p.surname).to_lowercase(),
                "person_name",
                w,
            ),
            Form::Given => self.g(p.given, "person_name", w),
            Form::Possessive => self.g(p.surname, "person_name", w).t("'s"),
        }
    }

    fn done(self) -> Document {
        self.d
    }
}

/// `n` labelled documents, the same for the same seed.
pub fn documents(seed: u64, n: usize) -> Vec<Document> {
    let mut rng = Rng(seed);
    (0..n)
        .map(|i| match i % 5 {
            0 => asb_note(&mut rng),
            1 => repair_log(&mut rng),
            2 => arrears_letter(&mut rng),
            3 => officer_email(&mut rng),
            _ => tenancy_note(&mut rng),
        })
        .collect()
}

fn person(rng: &mut Rng, whose: Whose) -> Person {
    let female = rng.chance(50);
    Person {
        given: rng.pick(GIVEN),
        surname: rng.pick(SURNAMES),
        title: rng.pick(if female { TITLES_F } else { TITLES_M }),
        whose,
    }
}

fn form(rng: &mut Rng) -> Form {
    match rng.below(10) {
        0..=2 => Form::Full,
        3..=4 => Form::Title,
        5 => Form::TitleInitial,
        6 => Form::Initial,
        7 => Form::SurnameComma,
        8 => Form::Upper,
        _ => Form::Possessive,
    }
}

fn phone(rng: &mut Rng) -> String {
    let last = rng.digits(3);
    match rng.below(10) {
        0 => format!("07700 900{last}"),
        1 => format!("07700900{last}"),
        2 => format!("+44 7700 900{last}"),
        3 => format!("+447700 900{last}"),
        4 => format!("0161 496 0{last}"),
        5 => format!("(0161) 496 0{last}"),
        6 => format!("+44 (0)161 496 0{last}"),
        7 => format!("020 7946 0{last}"),
        8 => format!("+44 20 7946 0{last}"),
        _ => format!("0113 496 0{last}"),
    }
}

fn ni_number(rng: &mut Rng) -> String {
    let prefix = loop {
        let p = rng.letters(1, "ABCEGHJKLMNOPRSTWXYZ") + &rng.letters(1, "ABCEGHJKLMNPRSTWXYZ");
        if !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&p.as_str()) {
            break p;
        }
    };
    let d = rng.digits(6);
    let suffix = rng.letters(1, "ABCD");
    if rng.chance(50) {
        format!("{prefix} {} {} {} {suffix}", &d[..2], &d[2..4], &d[4..])
    } else {
        format!("{prefix}{d}{suffix}")
    }
}

fn nhs_number(rng: &mut Rng) -> String {
    loop {
        let d: Vec<u32> = (0..9)
            .map(|i| match i {
                // Numbers issued in England and Wales start 4, 6 or 7.
                0 => [4, 6, 7][rng.below(3)],
                _ => rng.below(10) as u32,
            })
            .collect();
        let sum: u32 = d.iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => continue,
            c => c,
        };
        let s: String = d
            .iter()
            .chain([check].iter())
            .map(|x| x.to_string())
            .collect();
        return match rng.below(3) {
            0 => format!("{} {} {}", &s[..3], &s[3..6], &s[6..]),
            1 => s,
            _ => format!("{}-{}-{}", &s[..3], &s[3..6], &s[6..]),
        };
    }
}

fn postcode(rng: &mut Rng) -> String {
    format!(
        "{} {}{}",
        rng.pick(OUTWARD),
        rng.below(10),
        rng.letters(2, "ABDEFGHJLNPQRSTUWXYZ")
    )
}

fn email(rng: &mut Rng, p: &Person) -> String {
    let user = match rng.below(3) {
        0 => format!("{}.{}", p.given, p.surname),
        1 => format!("{}{}", &p.given[..1], p.surname),
        _ => format!("{}{}", p.given, rng.digits(2)),
    };
    let user = user.to_lowercase().replace('\'', "");
    let domain = rng.pick(&["example.com", "example.net", "example.org", "mail.example"]);
    format!("{user}@{domain}")
}

fn staff_email(p: &Person) -> String {
    format!("{}.{}@northgate-homes.example", p.given, p.surname)
        .to_lowercase()
        .replace('\'', "")
}

fn date(rng: &mut Rng, from_year: usize, years: usize) -> String {
    let (d, m, y) = (
        1 + rng.below(28),
        1 + rng.below(12),
        from_year + rng.below(years),
    );
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS[m - 1];
    match rng.below(5) {
        0 => format!("{d:02}/{m:02}/{y}"),
        1 => format!("{d} {month} {y}"),
        2 => {
            let th = match d {
                1 | 21 => "st",
                2 | 22 => "nd",
                3 | 23 => "rd",
                _ => "th",
            };
            format!("{d}{th} {month} {y}")
        }
        3 => format!("{y}-{m:02}-{d:02}"),
        _ => format!("{d:02}.{m:02}.{y}"),
    }
}

fn dob(doc: &mut Doc, rng: &mut Rng, whose: Whose) {
    let cue = rng.pick(&[
        "DOB: ",
        "date of birth ",
        "born on ",
        "D.O.B. ",
        "Date of birth: ",
    ]);
    let d = date(rng, 1940, 70);
    doc.t(cue).g(&d, "date_of_birth", whose);
}

fn vehicle_reg(rng: &mut Rng) -> String {
    let area = rng.letters(2, "ABCDEFGHJKLMNOPRSTUVWXY");
    let age = if rng.chance(50) {
        2 + rng.below(24)
    } else {
        51 + rng.below(25)
    };
    let tail = rng.letters(3, "ABCDEFGHJKLMNOPRSTUVWXYZ");
    let space = if rng.chance(70) { " " } else { "" };
    format!("{area}{age:02}{space}{tail}")
}

fn address(doc: &mut Doc, rng: &mut Rng, whose: Whose) {
    let street = rng.pick(STREETS);
    let line = if rng.chance(30) {
        format!(
            "Flat {}, {} {street}",
            1 + rng.below(12),
            1 + rng.below(120)
        )
    } else {
        format!("{} {street}", 1 + rng.below(120))
    };
    let pc = postcode(rng);
    doc.g(&line, "address_line", whose)
        .t(&format!(", {} ", rng.pick(TOWNS)))
        .g(&pc, "postcode", whose);
}

/// A sentence of hard negatives: text a recogniser must not flag.
fn distractor(doc: &mut Doc, rng: &mut Rng) {
    let street = rng.pick(STREETS);
    let org = rng.pick(ORGS);
    let line = match rng.below(21) {
        0 => format!("Residents reported the streetlight out on {street}. "),
        1 => format!("Payment was made through {org}. "),
        2 => format!("Contractor {org} has been instructed. "),
        3 => "The rent review is due in May and the new charges apply from June. ".to_string(),
        4 => "Will you please confirm the appointment? Hope this helps. ".to_string(),
        5 => "A Grace period of 14 days was agreed. Mark the case for review. ".to_string(),
        6 => format!(
            "Job ref {} {} {}. ",
            rng.digits(3),
            rng.digits(3),
            rng.digits(4)
        ),
        7 => format!("Ref: 0161 496 0{}. ", rng.digits(3)),
        8 => format!("Invoice no. {} was paid on Monday. ", rng.digits(8)),
        9 => format!("Bill payments are handled by {org} every Tuesday. "),
        10 => format!("The car parked near {street} was a silver Ford Fiesta. "),
        11 => format!("Order {} for {street} was raised in April. ", phone(rng)),
        12 => "See the Anti Social Behaviour Policy and the Housing Act 1988. ".to_string(),
        13 => {
            "He was taken to Stepping Hill Hospital, then Manchester Royal Infirmary. ".to_string()
        }
        14 => format!(
            "NOTICE OF SEEKING POSSESSION served on {}. ",
            date(rng, 2025, 2)
        ),
        15 => "Universal Credit pays the housing costs direct. ".to_string(),
        16 => format!("Next visit: {} at 10am. ", date(rng, 2026, 1)),
        17 => "The boiler is a Worcester Bosch; British Gas attended in March. ".to_string(),
        18 => format!("Case ref ASB/{}/{}. ", rng.digits(4), rng.digits(3)),
        19 => "Said she would be away over Easter and Christmas. ".to_string(),
        // A shop named like a person: a known miss of the recogniser.
        _ => "She was given a John Lewis voucher. ".to_string(),
    };
    doc.t(&line);
}

fn sign_off(doc: &mut Doc, rng: &mut Rng, staff: &Person, role: &str) {
    let close = rng.pick(&[
        "Kind regards,",
        "Regards,",
        "Many thanks,",
        "Yours sincerely,",
    ]);
    doc.t(&format!("\n\n{close}\n"))
        .name(staff, Form::Full)
        .t(&format!("\n{role}\nNorthgate Homes\nTel: "))
        .g(&phone(rng), "phone", Whose::Staff)
        .t("\nEmail: ")
        .g(&staff_email(staff), "email", Whose::Staff)
        .t("\n");
}

fn asb_note(rng: &mut Rng) -> Document {
    let mut doc = Doc::new();
    let tenant = person(rng, Whose::Subject);
    let complainant = person(rng, Whose::ThirdParty);
    let witness = person(rng, Whose::ThirdParty);
    let officer = person(rng, Whose::Staff);
    doc.t("ASB CASE NOTE\nComplainant: ")
        .name(&complainant, Form::Full)
        .t(" (")
        .g(&phone(rng), "phone", Whose::ThirdParty)
        .t(")\nAbout: ")
        .name(&tenant, form(rng))
        .t(", ");
    address(&mut doc, rng, Whose::Subject);
    doc.t("\n\n");
    let cue = rng.pick(&[
        "My neighbour ",
        "Her neighbour ",
        "The witness, ",
        "Witness ",
    ]);
    doc.t(cue)
        .name(
            &witness,
            if rng.chance(50) {
                Form::Given
            } else {
                Form::Full
            },
        )
        .t(" said the music went on until 3am. ")
        .name(&complainant, form(rng))
        .t(" has kept a diary since ");
    doc.t(&date(rng, 2025, 2)).t(". ");
    distractor(&mut doc, rng);
    doc.t("A car, reg ")
        .g(&vehicle_reg(rng), "vehicle_reg", Whose::ThirdParty)
        .t(", belonging to a visitor of ")
        .name(&tenant, Form::Possessive)
        .t(" household blocked the drive. ");
    distractor(&mut doc, rng);
    doc.t("Spoke to ")
        .name(&complainant, Form::Title)
        .t(" by phone; she can also be reached at ")
        .g(&email(rng, &complainant), "email", Whose::ThirdParty)
        .t(". ");
    sign_off(&mut doc, rng, &officer, "ASB Officer");
    doc.done()
}

fn repair_log(rng: &mut Rng) -> Document {
    let mut doc = Doc::new();
    let tenant = person(rng, Whose::Subject);
    let operative = person(rng, Whose::Staff);
    let neighbour = person(rng, Whose::ThirdParty);
    doc.t("REPAIR LOG\nTenant: ")
        .name(&tenant, form(rng))
        .t("\nProperty: ");
    address(&mut doc, rng, Whose::Subject);
    doc.t("\nContact: ").g(&phone(rng), "phone", Whose::Subject);
    doc.t(&format!("\n\n{} - ", date(rng, 2025, 2)))
        .t("Damp and mould in the back bedroom reported. ");
    distractor(&mut doc, rng);
    doc.t(&format!("\n{} - Operative ", date(rng, 2025, 2)))
        .name(
            &operative,
            if rng.chance(50) {
                Form::Full
            } else {
                Form::Initial
            },
        )
        .t(" attended; no access. Key left with neighbour ")
        .name(&neighbour, Form::Title)
        .t(" at ");
    address(&mut doc, rng, Whose::ThirdParty);
    doc.t(". ");
    distractor(&mut doc, rng);
    doc.t("\nNext of kin of the neighbour: ")
        .name(&person(rng, Whose::ThirdParty), Form::SurnameComma)
        .t(", tel ")
        .g(&phone(rng), "phone", Whose::ThirdParty)
        .t(".\n");
    doc.done()
}

fn arrears_letter(rng: &mut Rng) -> Document {
    let mut doc = Doc::new();
    let tenant = person(rng, Whose::Subject);
    let partner = person(rng, Whose::Household);
    let officer = person(rng, Whose::Staff);
    doc.name(&tenant, Form::Upper).t("\n");
    address(&mut doc, rng, Whose::Subject);
    doc.t("\n\nDear ")
        .name(&tenant, Form::Title)
        .t(",\n\nYour rent account is in arrears of £")
        .t(&format!("{}.{}", 100 + rng.below(2000), rng.digits(2)))
        .t(". Our records show a direct debit from sort code ")
        .g(
            &format!("{}-{}-{}", rng.digits(2), rng.digits(2), rng.digits(2)),
            "sort_code",
            Whose::Household,
        )
        .t(", account number ")
        .g(&rng.digits(8), "account_number", Whose::Household)
        .t(" in the name of your partner ")
        .name(&partner, Form::Full)
        .t(", which was cancelled. ");
    distractor(&mut doc, rng);
    doc.t("Your own bank details on file: S/C ")
        .g(
            &format!("{} {} {}", rng.digits(2), rng.digits(2), rng.digits(2)),
            "sort_code",
            Whose::Subject,
        )
        .t(", A/C ")
        .g(&rng.digits(8), "account_number", Whose::Subject)
        .t(". Card payments ending ")
        .t(&rng.digits(4))
        .t(" were declined. ");
    distractor(&mut doc, rng);
    doc.t("Please call us on ")
        .g("0161 496 0000", "phone", Whose::None)
        .t(" or visit our office, 1 Piccadilly, Manchester ")
        .g("M1 1AE", "postcode", Whose::None)
        .t(".");
    sign_off(&mut doc, rng, &officer, "Income Officer");
    doc.done()
}

fn officer_email(rng: &mut Rng) -> Document {
    let mut doc = Doc::new();
    let tenant = person(rng, Whose::Subject);
    let from = person(rng, Whose::Staff);
    let to = person(rng, Whose::Staff);
    let third = person(rng, Whose::ThirdParty);
    let child = person(rng, Whose::Household);
    doc.t("From: ")
        .name(&from, Form::Full)
        .t(" <")
        .g(&staff_email(&from), "email", Whose::Staff)
        .t(">\nTo: ")
        .name(&to, Form::Full)
        .t(" <")
        .g(&staff_email(&to), "email", Whose::Staff)
        .t(">\nSubject: RE: ")
        .name(&tenant, Form::Upper)
        .t(" - noise complaint\n\nHi ")
        .name(&to, Form::Given)
        .t(",\n\nI met ")
        .name(&tenant, form(rng))
        .t(" today. Her son ")
        .name(&child, Form::Given)
        .t(" (");
    dob(&mut doc, rng, Whose::Household);
    doc.t(") has asthma; NHS number ")
        .g(&nhs_number(rng), "nhs_number", Whose::Household)
        .t(". She says ")
        .name(&third, form(rng))
        .t(" from next door has been shouting at ")
        .name(&child, Form::Given)
        .t(". ");
    distractor(&mut doc, rng);
    doc.t("\n\nForwarded message from ")
        .name(&tenant, Form::Lower)
        .t(" <")
        .g(&email(rng, &tenant), "email", Whose::Subject)
        .t(">:\n> i have had enough of ")
        .name(&third, Form::Lower)
        .t(" and his mates, ring me on ")
        .g(&phone(rng), "phone", Whose::Subject)
        .t("\n");
    distractor(&mut doc, rng);
    sign_off(&mut doc, rng, &from, "Housing Officer");
    doc.done()
}

fn tenancy_note(rng: &mut Rng) -> Document {
    let mut doc = Doc::new();
    let tenant = person(rng, Whose::Subject);
    let member = person(rng, Whose::Household);
    let lodger = person(rng, Whose::ThirdParty);
    let officer = person(rng, Whose::Staff);
    doc.t("TENANCY NOTE\nTenant: ")
        .name(&tenant, Form::SurnameComma)
        .t("\n");
    dob(&mut doc, rng, Whose::Subject);
    doc.t("\nNI number: ")
        .g(&ni_number(rng), "ni_number", Whose::Subject)
        .t("\nHousehold: ")
        .name(&member, Form::Full)
        .t(", ");
    dob(&mut doc, rng, Whose::Household);
    doc.t(", NINO ")
        .g(&ni_number(rng), "ni_number", Whose::Household)
        .t("\nVehicle: ")
        .g(&vehicle_reg(rng), "vehicle_reg", Whose::Subject)
        .t("\n\n")
        .name(&member, Form::Possessive)
        .t(" GP surgery has written in support. ");
    distractor(&mut doc, rng);
    doc.t("The tenant has taken in a lodger, ")
        .name(&lodger, form(rng))
        .t(" (")
        .g(&email(rng, &lodger), "email", Whose::ThirdParty)
        .t(", ")
        .g(&phone(rng), "phone", Whose::ThirdParty)
        .t("), without consent. ");
    distractor(&mut doc, rng);
    doc.t("Visit by ")
        .name(&officer, Form::TitleInitial)
        .t(" on ")
        .t(&date(rng, 2025, 2))
        .t(".\nSigned: ")
        .name(&officer, Form::Full)
        .t("\n");
    doc.done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use disclose_core::detect::findings;

    #[test]
    fn labelled_documents_are_deterministic_and_spans_are_right() {
        let a = documents(7, 20);
        let b = documents(7, 20);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.text, y.text);
            assert_eq!(x.spans, y.spans);
        }
        for doc in &a {
            for s in &doc.spans {
                assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
                assert!(s.start < s.end);
            }
        }
        assert_ne!(documents(8, 1)[0].text, a[0].text);
    }

    #[test]
    fn labelled_set_meets_the_detection_targets() {
        let report = score(&documents(0xD15C_1005, 300), findings);
        assert!(report.name_leak_rate() < 0.02, "{report}");
        assert!(report.identifier_leak_rate() < 0.005, "{report}");
        assert!(report.min_precision() > 0.9, "{report}");
    }
}
