//! Generated training text for the name model: short documents written from
//! our own templates the way tenants and officers write — informal diaries
//! in lower case, forms in capitals, household lists, e-mail headers and
//! sign-offs, professionals — with names from a short list of our own and
//! invented ones (so the model learns from context, not from the word
//! lists), and sentences where a given name is an ordinary word ("mark the
//! form", "a grace period", "Hope you are well"). Seeded: the same seed gives the same text.

use crate::detect_eval::{Label, Labelled};

pub use disclose_core::demo::rng::Rng;

const GIVEN: &[&str] = &[
    "Bernice",
    "Shane",
    "Kelly",
    "Jordan",
    "Graham",
    "Trevor",
    "Leanne",
    "Kieran",
    "Derek",
    "Raj",
    "Priya",
    "Tomasz",
    "Agnieszka",
    "Chidi",
    "Ngozi",
    "Dawn",
    "Mark",
    "Pat",
    "Grace",
    "Will",
    "Rose",
    "Bob",
    "Bill",
    "Jack",
    "Frank",
    "Sue",
    "Joy",
    "Hope",
    "Faith",
    "Ray",
    "Terry",
    "Lyndsey",
    "Imran",
    "Aisha",
    "Callum",
    "Shannon",
    "Wayne",
    "Tracey",
    "Dean",
    "Kayleigh",
    "Bogdan",
    "Ifeoma",
    "Siobhan",
    "Declan",
    "Rhiannon",
    "Gethin",
];
/// Given names that are ordinary words, for sentences where they are words.
const WORD_NAMES: &[(&str, &str)] = &[
    ("Mark", "please mark the form as received"),
    ("Will", "will you call me back"),
    ("Bill", "the bill for the repair came today"),
    ("Grace", "there is a grace period of two weeks"),
    ("Pat", "gave the dog a pat"),
    ("Sue", "they said they would sue the council"),
    ("Frank", "we had a frank conversation"),
    ("Rose", "the rent rose again in april"),
    ("Hope", "i hope this gets sorted"),
    ("Dawn", "the noise went on until dawn"),
    ("Jack", "he had to jack up the car"),
    ("Ray", "a ray of light through the window"),
    ("Joy", "no joy with the repairs team"),
];
const SURNAMES: &[&str] = &[
    "Whitlock",
    "Dawson",
    "Whitfield",
    "Marsh",
    "Fields",
    "Moss",
    "Pryce",
    "Okafor",
    "Nowak",
    "Kowalski",
    "Adeyemi",
    "Patel",
    "Hussain",
    "Brennan",
    "Gallagher",
    "Llewellyn",
    "Hill",
    "Wood",
    "Green",
    "Brook",
    "Booth",
    "Kershaw",
    "Entwistle",
    "Ashworth",
    "Ogunleye",
    "Dobrowolski",
    "Mahmood",
    "Quigley",
    "Rafferty",
    "Bright",
];
const SYLLABLES: &[&str] = &[
    "ka", "ran", "vel", "to", "mi", "sha", "dor", "lin", "bre", "quo", "zan", "ette", "el", "ro",
    "ny", "sid", "wen", "ath", "ul", "ia", "ko", "bai", "fen", "ley", "mar", "tis", "ov", "ich",
    "da", "gor",
];
const ORGS: &[&str] = &[
    "Jackson Housing",
    "Hamilton Bank",
    "Parker Plumbing Ltd",
    "Morris Motors",
    "Victoria Road",
    "Mill Fields",
    "St John's Church",
    "Churchill Gardens",
    "Ashworth Lettings",
    "Kingsley Academy",
    "Nelson Court",
    "Wellington House",
];
const ROLES: &[&str] = &[
    "Police Community Support Officer",
    "PCSO",
    "social worker",
    "housing officer",
    "GP",
    "support worker",
    "caseworker",
    "health visitor",
];
const RELATIONS: &[&str] = &["son", "daughter", "partner", "lodger", "brother", "mum"];

/// A person as the templates use them.
struct Person {
    given: String,
    surname: String,
}

fn invented(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let word: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

fn person(rng: &mut Rng) -> Person {
    let given = if rng.below(3) == 0 {
        invented(rng)
    } else {
        rng.pick(GIVEN).to_string()
    };
    let surname = if rng.below(3) == 0 {
        invented(rng)
    } else {
        rng.pick(SURNAMES).to_string()
    };
    Person { given, surname }
}

/// A document being written: its text and labelled spans.
struct Doc {
    text: String,
    spans: Vec<(usize, usize, Label)>,
}

impl Doc {
    fn t(&mut self, s: &str) -> &mut Doc {
        self.text.push_str(s);
        self
    }

    fn l(&mut self, s: &str, label: Label) -> &mut Doc {
        let start = self.text.len();
        self.text.push_str(s);
        self.spans.push((start, self.text.len(), label));
        self
    }

    fn name(&mut self, s: &str) -> &mut Doc {
        self.l(s, Label::Name)
    }
}

/// How a name is written: as it is, lower case or capitals.
#[derive(Clone, Copy)]
enum Case {
    As,
    Lower,
    Upper,
}

fn cased(s: &str, case: Case) -> String {
    match case {
        Case::As => s.to_string(),
        Case::Lower => s.to_lowercase(),
        Case::Upper => s.to_uppercase(),
    }
}

/// One sentence or line of a document, from one of the templates.
fn line(doc: &mut Doc, rng: &mut Rng, case: Case) {
    let p = person(rng);
    let q = person(rng);
    let g = cased(&p.given, case);
    let full = cased(&format!("{} {}", p.given, p.surname), case);
    let text = |s: &str| cased(s, case);
    match rng.below(26) {
        0 => {
            doc.t(&text("Heard a man's voice threatening "))
                .name(&g)
                .t(".\n");
        }
        1 => {
            doc.name(&g)
                .t(&text(" and "))
                .name(&cased(&q.given, case))
                .t(&text(" were shouting in the garden again.\n"));
        }
        2 => {
            doc.t(&text("Delivered the letter to "))
                .name(&g)
                .t(&text(" last week.\n"));
        }
        3 => {
            doc.t(&text("Spoke to "))
                .name(&full)
                .t(&text(" about the fence.\n"));
        }
        4 => {
            doc.t("Alleged perpetrator: ")
                .name(&full.to_uppercase())
                .t("\n");
        }
        5 => {
            doc.name(&full)
                .t(" - ")
                .t(rng.pick(RELATIONS))
                .t(" - DOB 04/05/2009\n");
        }
        6 => {
            doc.name(&format!("{} {}", p.given, p.surname))
                .t(" (")
                .t(rng.pick(ROLES))
                .t(") attended.\n");
        }
        7 => {
            doc.t("To: ")
                .name(&format!("{} {}", p.given, p.surname))
                .t("; ")
                .name(&format!("{} {}", q.given, q.surname))
                .t("\n");
        }
        8 => {
            doc.t("cc: ")
                .name(&format!("{}  {} {}.", p.surname, p.given, &q.given[..1]))
                .t("\n");
        }
        9 => {
            doc.t(&text("thanks\n")).name(&g).t("\n");
        }
        10 => {
            let org = rng.pick(ORGS);
            doc.t(&text("The contractor from "))
                .l(org, Label::HardNegative)
                .t(&text(" did not turn up.\n"));
        }
        11 => {
            let (_, sentence) = WORD_NAMES[rng.below(WORD_NAMES.len())];
            let s = if matches!(case, Case::Upper) {
                sentence.to_uppercase()
            } else {
                let mut c = sentence.chars();
                match (c.next(), case) {
                    (Some(f), Case::As) => f.to_uppercase().chain(c).collect(),
                    _ => sentence.to_string(),
                }
            };
            doc.t(&s).t(".\n");
        }
        12 => {
            // A person named in full, then by the given name alone.
            let (word_name, _) = WORD_NAMES[rng.below(WORD_NAMES.len())];
            let full = cased(&format!("{word_name} {}", p.surname), case);
            doc.name(&full)
                .t(&text(" rang about the noise. "))
                .name(&cased(word_name, case))
                .t(&text(" said it was every night.\n"));
        }
        13 => {
            doc.t(&text("my neighbour "))
                .name(&g)
                .t(&text(" keeps leaving rubbish out.\n"));
        }
        14 => {
            doc.t(&text("I asked "))
                .name(&g)
                .t(&text(" if the kids from no. 21 were involved.\n"));
        }
        15 => {
            doc.name(&g)
                .t(&text(" told me "))
                .name(&cased(&q.given, case))
                .t(&text(" had been drinking.\n"));
        }
        16 => {
            doc.t(&text("Cheers,\n")).name(&g).t("\n");
        }
        17 => {
            doc.t(&text("Meeting with "))
                .name(&full)
                .t(&text(" and "))
                .name(&cased(&format!("{} {}", q.given, q.surname), case))
                .t(&text(" on Monday.\n"));
        }
        18 => {
            doc.t(&text("Hi "))
                .name(&g)
                .t(&text(", can you chase the repair?\n"));
        }
        19 => {
            doc.t(&text("The rent statement for April is attached.\n"));
        }
        20 => {
            doc.t(&text("Sent by "))
                .name(&g)
                .t(&text(" on behalf of the team.\n"));
        }
        22 => {
            doc.t("To: ")
                .name(&format!("{}, {}", p.surname, p.given))
                .t("; ")
                .name(&format!("{}, {}", q.surname, q.given))
                .t("\n");
        }
        23 => {
            doc.name(&g)
                .t(&text(" was there too, and "))
                .name(&cased(&q.given, case))
                .t(&text(" saw it all.\n"));
        }
        24 => {
            // Named in full, then by the given name in lower case.
            let (word_name, sentence) = WORD_NAMES[rng.below(WORD_NAMES.len())];
            doc.name(&format!("{word_name} {}", p.surname))
                .t(" moved in next door. later ")
                .name(&word_name.to_lowercase())
                .t(" came round and ")
                .t(sentence)
                .t(".\n");
        }
        25 => {
            let opening = rng.pick(&[
                "Hope you are well",
                "Will do",
                "Mark it as urgent",
                "Bill them for the call-out",
                "Rose early to check the bins",
            ]);
            doc.t(&text(opening)).t(".\n");
        }
        _ => {
            doc.t(&text("Forwarded by "))
                .name(&full)
                .t(&text(" on 12/03/2001 10:14 AM\n"));
        }
    }
}

/// `n` generated documents from `seed`.
pub fn documents(seed: u64, n: usize) -> Vec<Labelled> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|k| {
            let case = match rng.below(5) {
                0 => Case::Lower,
                1 => Case::Upper,
                _ => Case::As,
            };
            let mut doc = Doc {
                text: String::new(),
                spans: Vec::new(),
            };
            for _ in 0..3 + rng.below(6) {
                line(&mut doc, &mut rng, case);
            }
            Labelled {
                source: format!("generated #{k}"),
                text: doc.text,
                spans: doc.spans,
            }
        })
        .collect()
}
