//! Person names: titles ("Mrs Okafor", "Dr J. Patel"), initials ("J. Smith"),
//! given name + surname in any case ("John Smith", "JOHN SMITH", "john
//! smith"), "Smith, John", email display names ("Jane Doe <jane@x.org>"),
//! names after a context cue ("my neighbour Sam", "Alleged perpetrator:
//! GRAHAM WHITLOCK", a sign-off), names before a relation or role ("Kieran
//! Moss - son", "Derek Pryce (PCSO)"), a parent or friend after a
//! possessive ("Jaxon's dad"), children with their ages ("Mason (7)"),
//! a form's label ("Witness: Ray Church", "CONTACT: SUE"), a field's value
//! ("<FamilyName>", "agent_name=", `fields`), the parties a
//! claim is against ("HOMES LTD v KOWALCZYK", `parties`), the speakers of
//! a chat after their time stamps ("[10:47] Aisling: …"),
//! writers' initials where case notes and minutes stamp them (`stamps`),
//! a name beside the person it names ("the girl, Skye."), before a bare
//! house number ("Rose at 17"), the person a note is left for ("Note for
//! Mark:"), salutations ("Raj,"), lower-case
//! names after a title or joined by "and" ("pc dawson", "kelly and shane"),
//! lower-case given names in informal writing ("told darren", "his m8
//! callum"), nicknames of a word and a given name ("big dave",
//! `epithets`), Outlook names with a suffix ("McMichael Jr., Ed") and lone
//! known names. A name found once is found again in the text in any letter
//! case. A possessive "'s" is left out of the finding. Streets, buildings
//! and organisations named after people ("Victoria Road", "Smith & Co
//! Ltd", "Morgan Stanley", "St. Peter's Square"), abbreviations, nationalities
//! and rivers (`lookalikes`), towns, constituencies and a date's month
//! (`forms::town`), pets and cars' makes ("a white Mercedes van") and words
//! run together by PDF extraction ("StreetStockport") are not names; names that are also words ("May",
//! "Will", "Grace") need a title, a surname or a cue.

mod columns;
mod context;
mod cues;
mod epithets;
mod fields;
mod forms;
mod headers;
mod lookalikes;
mod mended;
pub(super) mod model;
mod parties;
mod stamps;
mod tokens;

use std::collections::{HashMap, HashSet};

use super::lexicon as lex;
use super::Finding;
use context::{
    aged, apposed, before_a_lower_name, described, informal, kin_bracketed, kin_named, kin_titled,
    lower_pair, lower_sentence, name_and_word, neighbour, note_for, possessive_kin, salutation,
    speaker, thanked_lower,
};
use cues::{
    acting, alias_after, around_nickname, bare_possessive, bracketed_alias, cued_pair, declarant,
    from_team, joined_to_names, kin_after, last_line_name, lower_word_pair, named_by,
    nickname_beside, note_initials, pronoun_subject, quoted_alias, reachable,
};
use forms::{
    cued, email_display, full_name, initials, lone, place, register_entry, suffixed,
    surname_comma_given, surname_first, surname_initial, titled, vetoed,
};
use headers::addressed;
use lookalikes::Lookalikes;
pub use model::Model;
use stamps::dotted;
use tokens::{sentence_start, tokens, Shape, Tok};

/// A Welsh landlord's name: "Tai" (housing) opening it before a word no
/// list holds as a surname ("Tai Pawb", "TAI CALON"; "Tai Nguyen" is a
/// person), the words after "Tai" or "Cymdeithas" ("Cymdeithas Tai
/// Glan Taf"), or "Tai" in a post's name ("Swyddog Tai").
fn welsh_housing(text: &str, toks: &[Tok<'_>], i: usize, last: usize) -> bool {
    let opens = matches!(toks[i].word, "Tai" | "TAI")
        && toks.get(i + 1).is_some_and(|next| {
            matches!(next.shape, Shape::Cap | Shape::Upper) && !next.lex.is_surname()
        })
        && (i < last || tokens::gap(text, toks, i) == " ");
    let after = i > 0
        && matches!(
            toks[i - 1].word,
            "Tai" | "TAI" | "Cymdeithas" | "CYMDEITHAS"
        )
        && tokens::gap(text, toks, i - 1) == " ";
    // "Swyddog Tai" (Housing Officer), "Rheolwr Tai" (Housing Manager).
    let post = i == last
        && matches!(toks[i].word, "Tai" | "TAI")
        && i > 0
        && matches!(
            toks[i - 1].word.to_lowercase().as_str(),
            "swyddog" | "swyddogion" | "rheolwr"
        );
    opens || after || post
}

/// A name as a token range: first token, last token, confidence.
type Span = (usize, usize, f32);

/// Every person name in `text`, with `model` beside the rules; in a text
/// read by OCR, with its misread digits read as letters (`mended`).
pub fn find_with(text: &str, model: &Model) -> Vec<Finding> {
    let Some(mended) = mended::mended(text) else {
        return find_in(text, model);
    };
    let mut found = find_in(&mended, model);
    for f in &mut found {
        f.text = text[f.start..f.end].to_string();
    }
    found
}

fn find_in(text: &str, model: &Model) -> Vec<Finding> {
    let toks = tokens(text);
    let (mut spans, taken) = rules(text, &toks);
    spans.extend(learned(text, &toks, &taken, model));
    let spans = with_given_before(text, &toks, merge(text, &toks, spans));
    between_names(text, &toks, spans)
        .into_iter()
        // "Nominee MacLeod": a party's word opens no name.
        .map(|(mut i, last, confidence)| {
            while i < last && toks[i].shape == Shape::Cap && party_word(toks[i].word) {
                i += 1;
            }
            (i, last, confidence)
        })
        .filter(|&(i, last, _)| !toks[i..=last].iter().any(|t| drawn_out(t.word)))
        .filter(|&(i, last, _)| !welsh_housing(text, &toks, i, last))
        // ("MS Teams": a title before such words makes no name of them.)
        .filter(|&(i, last, _)| {
            let mut words = toks[i..=last]
                .iter()
                .filter(|t| !t.lex.is_title())
                .peekable();
            words.peek().is_none() || !words.all(|t| never_a_name(t.word))
        })
        .filter(|&(i, _, _)| !vehicle(text, &toks, i))
        // A name whose last word runs into a number is a reference's
        // ("CHG0012200", "Otis Gen2"), unless that word is a force's
        // letters before an officer's number ("PC O'Hare SX482").
        .filter(|&(i, last, _)| {
            let t = &toks[last];
            let force = i != last && t.shape == Shape::Upper && t.word.len() <= 3;
            force || !run_into_number(text, t)
        })
        .filter(|&(i, last, _)| !breed(&toks[i..=last]))
        .filter(|&(i, last, _)| !(i == last && condition(text, &toks, i)))
        // "Leeds, Bradford, Wakefield", "HMP Durham": a town's name alone
        // (not one that is also a given name); "our dog Bruno".
        .filter(|&(i, last, _)| {
            let t = &toks[i];
            i != last || !(t.lex.is_town() && !t.lex.is_given() || forms::pet(text, &toks, i))
        })
        // "Thanks, I'll pass it on": a contraction opens no name.
        .filter_map(|(i, last, c)| {
            // "Night shift: Kwame A.": the model's given name takes in a
            // bare initial after it, as the rules' names do.
            let last = bare_initial_after(text, &toks, last);
            let i = if contraction(toks[i].word) { i + 1 } else { i };
            // "Big Kev", "Little Chris": a nickname's word before a given
            // name is part of the name.
            let i = if i > 0
                && matches!(toks[i - 1].word, "Big" | "Little" | "Lil" | "Young" | "Wee")
                && tokens::linked(text, &toks, i - 1)
                && toks[i].lex.is_given()
            {
                i - 1
            } else {
                i
            };
            let i = couple_title_before(text, &toks, i);
            let i = initial_before(text, &toks, i);
            // "Tell Bernie I'm sorry": nor closes one.
            let last = if last > i && contraction(toks[last].word) {
                last - 1
            } else {
                last
            };
            (i <= last).then_some((i, last, c))
        })
        .map(|(i, last, c)| name_finding(text, &toks, i, last, c))
        .collect()
}

/// Whether a word runs on into a number, as a reference's letters do:
/// "CHG0012200", "LBH-WO-558201", "IR-23-0456".
fn run_into_number(text: &str, t: &Tok<'_>) -> bool {
    let after = &text[t.full_end..];
    let digit = |rest: &str| rest.starts_with(|c: char| c.is_ascii_digit());
    digit(after) || after.strip_prefix(['-', '/']).is_some_and(digit)
}

/// A dog's breed named as people are: "Jack Russell", "German Shepherd",
/// "King Charles".
fn breed(words: &[Tok<'_>]) -> bool {
    let [first, second] = words else {
        return false;
    };
    let pair = format!("{} {}", first.word, second.word).to_lowercase();
    DOG_BREEDS.contains(&pair.as_str())
}

/// Breeds of two words that read as a given name and a surname.
const DOG_BREEDS: &[&str] = &[
    "jack russell",
    "german shepherd",
    "king charles",
    "great dane",
    "border collie",
    "cocker spaniel",
    "springer spaniel",
    "shih tzu",
    "lhasa apso",
    "bichon frise",
    "cane corso",
    "irish setter",
    "golden retriever",
    "french bulldog",
    "american bully",
    "patterdale terrier",
    "yorkshire terrier",
];

/// "Mr & Mrs Grayson", "Mr and Mrs Pashley": the first title of a couple
/// opens the name that starts at the second.
fn couple_title_before(text: &str, toks: &[Tok<'_>], i: usize) -> usize {
    let title =
        |k: usize| toks[k].lex.is_title() && matches!(toks[k].shape, Shape::Cap | Shape::Upper);
    if i == 0 || !title(i) {
        return i;
    }
    if ["&", "+"].contains(&tokens::gap(text, toks, i - 1).trim()) && title(i - 1) {
        return i - 1;
    }
    let and = toks[i - 1].word.eq_ignore_ascii_case("and") && tokens::gap(text, toks, i - 1) == " ";
    if i >= 2 && and && tokens::gap(text, toks, i - 2) == " " && title(i - 2) {
        return i - 2;
    }
    i
}

/// A car's make or model where a name would start: a make after a colour or
/// an article or before a vehicle's word ("a white Mercedes van", "a Kia
/// Ceed"), a model after a make ("Vauxhall Corsa", "Toyota Yaris").
fn vehicle(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    let make = |k: usize| lex::with_lower(toks[k].word, |w| CAR_MAKES.contains(&w));
    if i > 0 && tokens::linked(text, toks, i - 1) && make(i - 1) {
        return true;
    }
    if !make(i) {
        return false;
    }
    let before = i > 0
        && tokens::gap(text, toks, i - 1) == " "
        && lex::with_lower(toks[i - 1].word, |w| {
            matches!(
                w,
                "a" | "an"
                    | "white"
                    | "black"
                    | "grey"
                    | "gray"
                    | "silver"
                    | "blue"
                    | "red"
                    | "green"
                    | "yellow"
                    | "orange"
                    | "purple"
                    | "brown"
                    | "gold"
                    | "dark"
                    | "light"
                    | "navy"
                    | "his"
                    | "her"
                    | "their"
            )
        });
    let after = toks.get(i + 1).is_some_and(|n| {
        tokens::gap(text, toks, i) == " "
            && lex::with_lower(n.word, |w| {
                matches!(
                    w,
                    "van" | "car" | "estate" | "hatchback" | "pickup" | "saloon" | "suv"
                )
            })
    });
    // "Make: Skoda Octavia": a form's make.
    let labelled = i > 0
        && tokens::gap(text, toks, i - 1).starts_with(':')
        && lex::with_lower(toks[i - 1].word, |w| {
            matches!(w, "make" | "vehicle" | "car" | "van")
        });
    before || after || labelled
}

/// A condition named after the doctor who described it, with no title
/// before it: "Parkinson's (dx 2017)", "has Alzheimer's" (not "Mr
/// Parkinson's dog", whose title makes it a name before this is asked).
fn condition(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    const NAMED_AFTER: &[&str] = &[
        "parkinson",
        "alzheimer",
        "huntington",
        "crohn",
        "asperger",
        "tourette",
        "addison",
        "cushing",
        "hodgkin",
        "raynaud",
        "meniere",
        "bell",
    ];
    let t = &toks[i];
    let possessive = text[t.end..].starts_with("'s") || text[t.end..].starts_with("’s");
    let titled = i > 0 && toks[i - 1].lex.is_title();
    possessive && !titled && lex::with_lower(t.word, |w| NAMED_AFTER.contains(&w))
}

/// Makes of cars and vans seen in neighbours' reports.
const CAR_MAKES: &[&str] = &[
    "vauxhall",
    "ford",
    "skoda",
    "mercedes",
    "bmw",
    "audi",
    "toyota",
    "nissan",
    "honda",
    "kia",
    "hyundai",
    "peugeot",
    "renault",
    "citroen",
    "fiat",
    "volkswagen",
    "vw",
    "seat",
    "volvo",
    "mazda",
    "suzuki",
    "jaguar",
    "lexus",
    "mitsubishi",
    "dacia",
    "tesla",
    "porsche",
    "subaru",
    "transit",
];

/// A pronoun or "not" run together with its verb: "I'll", "we're", "you've",
/// "she'd", "I'm", "don't", "can’t". ("O'Neill" and "D'Arcy" are names.)
fn contraction(word: &str) -> bool {
    let w = word.replace('’', "'").to_lowercase();
    let pronoun = w.split_once('\'').is_some_and(|(stem, verb)| {
        matches!(verb, "ll" | "re" | "ve" | "d" | "m")
            && matches!(
                stem,
                "i" | "you"
                    | "we"
                    | "they"
                    | "he"
                    | "she"
                    | "it"
                    | "that"
                    | "there"
                    | "who"
                    | "what"
                    | "where"
                    | "here"
            )
    });
    pronoun || w.ends_with("n't")
}

/// A nomination's or an objection's party before a name: "Nominee
/// MacLeod", "Objector Rennie".
fn party_word(word: &str) -> bool {
    ["nominee", "nominator", "objector"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A word that alone never names one person, though cues and the model
/// can put it where a name goes: a cry ("Oh - and"), God, a group or a
/// role spoken of ("Dear Sirs", "my constituent", "the complainant",
/// "Man from flat 5", "Dear Colleague", "Dear Chief Executive"), a heading's word ("HOUSEHOLD
/// COMPOSITION", "CHECKLIST", "Child Protection Plans"), the text-speak spellings of "said" and "would",
/// a chatbot speaking ("Bot: …"), minutes ("held 4 min"), "AOB", a
/// service's or scheme's capitals ("CAMHS", "ARAP", "MAPPA"), the
/// social networks ("our Facebook page") and a note's short forms ("Pt
/// seen at home", "Addr:", "Perp's brother", "Cust in office", "Hosp No"),
/// a foodbank, a tenants' and residents' association ("TRA"), a party
/// to a claim ("Defendant"), a tenancy's type ("Introductory"), a
/// register's column ("UPRN", "PROP", "RES"), a debt relief order
/// ("DRO"), an NI number's "NINO", a landlord's teams' words ("Resident Liaison", "Engagement",
/// "MS Teams"), makers of what a landlord's records name and the firms it
/// deals with ("Vaillant", "Beko", "Aviva", "Mears", "Peabody") and an
/// organisation's account ("NorthBayHomesUK: Hi Jaz").
fn never_a_name(word: &str) -> bool {
    // "AH", "ER" in capitals are a writer's initials more often than a cry.
    const CRIES: &[&str] = &["oh", "ah", "um", "er"];
    const NEVER: &[&str] = &[
        "erm",
        "hmm",
        "ok",
        "okay",
        "yeah",
        "yep",
        "nope",
        "god",
        "sirs",
        "madam",
        "everyone",
        "everybody",
        "all",
        "constituent",
        "complainant",
        "complainants",
        "gp",
        "asc",
        "isa",
        "idva",
        "marac",
        "mash",
        "icb",
        "cid",
        "colleague",
        "chief",
        "executive",
        "colleagues",
        "protection",
        "plans",
        "man",
        "woman",
        "lady",
        "gentleman",
        "composition",
        "checklist",
        "sed",
        "sez",
        "wud",
        "cud",
        "shud",
        "wiv",
        "bot",
        "chatbot",
        "min",
        "mins",
        "aob",
        "facebook",
        "instagram",
        "whatsapp",
        "snapchat",
        "tiktok",
        "youtube",
        "linkedin",
        "addr",
        "perp",
        "perps",
        "cust",
        "admin",
        "defendant",
        "defendants",
        "claimant",
        "claimants",
        "applicant",
        "occupier",
        "occupiers",
        "foodbank",
        "foodbanks",
        "tvs",
        "hosp",
        "tra",
        "dro",
        "uprn",
        "prop",
        "res",
        "teams",
        "engagement",
        "involvement",
        // "the Landlord and Tenant Act 1927": a law, not a person.
        "act",
        "liaison",
        "stopcock",
        "ramadan",
        "applicants",
        "respondent",
        "appellant",
        "introductory",
        "mediation",
        "eng",
        "plasterer",
        "roofer",
        "glazier",
        "decorator",
        "labourer",
        "scaffolder",
        "bricklayer",
        "handyman",
        "locksmith",
        "camhs",
        "arap",
        "acrs",
        "euss",
        "nrpf",
        "mappa",
        "sarc",
        "isva",
        // Urdu and Hindi words a visit note quotes in Latin letters: a
        // verb's "hai", and words for kin said in respect ("Ammi", "Baji",
        // "Chacha"); not "bola", which is also a Yoruba given name.
        "hai",
        "hain",
        "mera",
        "meri",
        "karta",
        "kehti",
        "nahi",
        "ammi",
        "abbu",
        "baji",
        "chacha",
        "chachi",
        "beta",
        "beti",
    ];
    // Makers of what a landlord's records name (boilers, cookers, lifts,
    // kitchens, insurers): no person is called so.
    const MAKERS: &[&str] = &[
        "vaillant",
        "baxi",
        "potterton",
        "viessmann",
        "glowworm",
        "beko",
        "hotpoint",
        "indesit",
        "zanussi",
        "bosch",
        "siemens",
        "whirlpool",
        "samsung",
        "aeg",
        "neff",
        "smeg",
        "aviva",
        "stannah",
        "airbus",
        "howdens",
        "formica",
        "ibis",
        "travelodge",
        "tesco",
        "asda",
        "aldi",
        "lidl",
        "argos",
        "currys",
        "openreach",
        "evri",
        "npower",
        "ovo",
        "kone",
        "lowell",
        "keepmoat",
        "powergrid",
        "lloyds",
        "dior",
        "zurich",
        // Contractors, landlords, lenders and charities a landlord's
        // records name as often as a person.
        "mears",
        "wates",
        "kier",
        "biffa",
        "veolia",
        "serco",
        "amey",
        "equans",
        "engie",
        "fortem",
        "appello",
        "tunstall",
        "trussell",
        "stepchange",
        "peabody",
        "clarion",
        "bromford",
        "incommunities",
        "livv",
        "torus",
        "karbon",
        "gentoo",
        "optivo",
        "stonewater",
        "yarlington",
        "trivallis",
        "bernicia",
        "rentokil",
        "aico",
        "fireangel",
        "videx",
        "paxton",
        "axia",
        "morrisons",
        "sainsburys",
        "greggs",
        "primark",
        "barclays",
        "natwest",
        "santander",
        "monzo",
        "axa",
    ];
    // "PT" in capitals is a writer's initials; "Pt", "pt" a patient.
    const SHORT_FORMS: &[&str] = &["pt", "pts"];
    let initials = word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase());
    let listed = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    // "NINO:" in capitals is an NI number's label; "Nino" may be a name.
    (listed(CRIES) || listed(SHORT_FORMS)) && !initials
        || word == "NINO"
        || listed(NEVER)
        || listed(MAKERS)
        || super::social::organisation_handle(word)
}

/// A word with a small letter written three times running, as chat draws
/// words out ("Soooo", "Timeeee"): no name is spelt so ("III" of "Hearn
/// III" is a suffix in capitals).
fn drawn_out(word: &str) -> bool {
    let b = word.as_bytes();
    b.windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_lowercase())
}

/// The model's features for each word it would score in `text` (the words
/// the rules leave alone), with the word's byte range: what training sees.
pub fn candidate_features(text: &str) -> Vec<(usize, usize, Vec<u32>)> {
    let toks = tokens(text);
    let (_, taken) = rules(text, &toks);
    let ctx = context(&toks, &taken);
    let mut words = model::Words::new(toks.len());
    let mut out = Vec::new();
    for k in scored(text, &toks, &taken) {
        let mut feats = Vec::new();
        model::features(text, &toks, k, &ctx, &mut words, &mut feats);
        out.push((toks[k].start, toks[k].end, feats));
    }
    out
}

/// Token by token: part of a place (`Some(None)`) or of a name found with
/// this confidence.
type Taken = Vec<Option<Option<f32>>>;

/// The names the rules find, and what each token was taken for.
fn rules(text: &str, toks: &[Tok<'_>]) -> (Vec<Span>, Taken) {
    let mut out = Vec::new();
    let mut taken: Taken = vec![None; toks.len()];
    let lookalikes = Lookalikes::new(text);
    let mailboxes = Mailboxes::new(text);
    let mut i = 0;
    while i < toks.len() {
        // A lower-case English word no list holds as a name, a title or a
        // nationality starts a name only after words that give one
        // ("someone called gill"): every other rule below needs more of
        // the word it starts at, so they are not asked.
        // ("her kids summer and river": a word after "and" may be the second
        // of a pair of names.)
        let inert = inert(&toks[i]) && !(i > 0 && toks[i - 1].word == "and");
        // "HOMES LTD v McGUINNESS & O'HARA": parties, not a firm.
        if let Some((last, c)) = parties::party(text, toks, i) {
            out.push((i, last, c));
            taken[i..=last].fill(Some(Some(c)));
            i = last + 1;
            continue;
        }
        if !inert && lookalikes.at(text, toks, i) {
            taken[i] = Some(None);
            i += 1;
            continue;
        }
        // After a name and a comma or "and": "Pat Lane, Robin Field".
        let after_name = out.last().is_some_and(|&(_, last, _): &Span| {
            last + 1 == i && matches!(tokens::gap(text, toks, last), ", " | "; " | " & ")
                || last + 2 == i
                    && toks[last + 1].word == "and"
                    && tokens::linked(text, toks, last)
                    && tokens::linked(text, toks, last + 1)
        });
        if let Some((last, c)) = (!inert)
            .then(|| {
                mailboxes
                    .at(text, toks, i)
                    .or_else(|| cued_pair(text, toks, i, after_name))
            })
            .flatten()
        {
            out.push((i, last, c));
            taken[i..=last].fill(Some(Some(c)));
            i = last + 1;
            continue;
        }
        // "Dr Frank Lane", "Supervisor Frank Lane", "her son Harry Lane": a
        // word before a pair `cued_pair` takes is no part of a street's name
        // (a title before it is taken in).
        if let Some((last, c)) = tokens::linked(text, toks, i)
            .then(|| cued_pair(text, toks, i + 1, false))
            .flatten()
        {
            if toks[i].lex.is_title() && toks[i].shape != Shape::Lower {
                out.push((i, last, c));
                taken[i..=last].fill(Some(Some(c)));
                i = last + 1;
            } else {
                i += 1;
            }
            continue;
        }
        if let Some(last) = (!inert).then(|| place(text, toks, i)).flatten() {
            taken[i..=last].fill(Some(None));
            i = last + 1;
            continue;
        }
        let hit = if inert {
            epithets::epithet_name(text, toks, i).or_else(|| named_by(text, toks, i))
        } else {
            titled(text, toks, i)
                .or_else(|| declarant(text, toks, i))
                .or_else(|| described(text, toks, i))
                .or_else(|| nickname_beside(text, toks, i))
                .or_else(|| around_nickname(text, toks, i))
                .or_else(|| epithets::epithet_name(text, toks, i))
                .or_else(|| suffixed(text, toks, i))
                .or_else(|| addressed(text, toks, i))
                .or_else(|| email_display(text, toks, i))
                .or_else(|| surname_initial(text, toks, i))
                .or_else(|| surname_first(text, toks, i))
                .or_else(|| surname_comma_given(text, toks, i))
                .or_else(|| register_entry(text, toks, i))
                .or_else(|| dotted(text, toks, i))
                .or_else(|| initials(text, toks, i))
                .or_else(|| speaker(text, toks, i))
                .or_else(|| full_name(text, toks, i))
                .or_else(|| cued(text, toks, i))
                .or_else(|| possessive_kin(text, toks, i))
                .or_else(|| kin_named(text, toks, i))
                .or_else(|| kin_titled(text, toks, i))
                .or_else(|| aged(text, toks, i))
                .or_else(|| salutation(text, toks, i))
                .or_else(|| thanked_lower(text, toks, i))
                .or_else(|| from_team(text, toks, i))
                .or_else(|| last_line_name(text, toks, i))
                .or_else(|| note_initials(text, toks, i))
                .or_else(|| marked(text, toks, i))
                .or_else(|| bare_possessive(text, toks, i))
                .or_else(|| acting(text, toks, i))
                .or_else(|| reachable(text, toks, i))
                .or_else(|| pronoun_subject(text, toks, i))
                .or_else(|| lower_word_pair(text, toks, i))
                .or_else(|| lone(text, toks, i))
                .or_else(|| neighbour(text, toks, i))
                .or_else(|| apposed(text, toks, i))
                .or_else(|| note_for(text, toks, i))
                .or_else(|| lower_pair(text, toks, i))
                .or_else(|| informal(text, toks, i))
                .or_else(|| named_by(text, toks, i))
        };
        match hit.map(|(last, c)| (bare_initial_after(text, toks, last), c)) {
            Some((last, confidence)) => {
                out.push((i, last, confidence));
                taken[i..=last].fill(Some(Some(confidence)));
                // "his name is Arkadiusz or Arek": the alias too.
                let alias = alias_after(text, toks, i, last)
                    .or_else(|| bracketed_alias(text, toks, i, last));
                i = last + 1;
                if let Some(alias) = alias {
                    out.push((alias, alias, confidence));
                    taken[alias] = Some(Some(confidence));
                    i = alias + 1;
                }
            }
            None => i += 1,
        }
    }
    // "Cheers. Oh -", "Thank you God", "Dear Sirs", "my son sed": a word
    // that never names one person is no name for standing after a cue.
    out.retain(|&(i, last, _)| {
        let never = toks[i..=last].iter().all(|t| never_a_name(t.word));
        if never {
            taken[i..=last].fill(None);
        }
        !never
    });
    for k in joined_to_names(text, toks, &taken) {
        out.push((k, k, 0.7));
        taken[k] = Some(Some(0.7));
    }
    // The entry's surname found alone gives way to the whole entry.
    for (first, last) in cues::paired_entries(text, toks, &taken, &out) {
        take_over(&mut out, &mut taken, first, last);
    }
    // A surer finding stands; a weaker one gives way to the column's.
    for (first, last) in columns::named(text, toks)
        .into_iter()
        .chain(fields::named(text, toks))
    {
        let surer = |t: &Option<Option<f32>>| matches!(t, Some(Some(c)) if *c >= 0.7);
        if !taken[first..=last].iter().any(surer) {
            take_over(&mut out, &mut taken, first, last);
        }
    }
    for k in columns::who(text, toks) {
        if taken[k].is_none() {
            out.push((k, k, 0.7));
            taken[k] = Some(Some(0.7));
        }
    }
    for k in repeated(text, toks, &taken, &out) {
        out.push((k, k, 0.65));
        taken[k] = Some(Some(0.65));
    }
    for k in stamps::again(text, toks, &taken, &out) {
        out.push((k, k, 0.7));
        taken[k] = Some(Some(0.7));
    }
    (out, taken)
}

/// Makes tokens `first..=last` one name of the rules' confidence 0.7, in
/// place of any name found among them.
fn take_over(out: &mut Vec<Span>, taken: &mut Taken, first: usize, last: usize) {
    out.retain(|&(i, l, _)| l < first || i > last);
    out.push((first, last, 0.7));
    taken[first..=last].fill(Some(Some(0.7)));
}

/// The rules that need a bracket or a quote just before the word, or a
/// word written as initials — asked only where one is, as most words have
/// neither: a name in brackets after a relation, a quoted nickname, a
/// writer's initials (`stamps`).
#[inline(never)]
fn marked(text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
    let t = &toks[i];
    let opened = text.as_bytes()[..t.start]
        .last()
        // 0x9c ends a "“" (and some other characters, which the rules
        // then turn down).
        .is_some_and(|&b| matches!(b, b'(' | b'"' | 0x9c));
    if opened {
        if let Some(hit) = kin_bracketed(text, toks, i).or_else(|| quoted_alias(text, toks, i)) {
            return Some(hit);
        }
    }
    if t.shape == Shape::Lower {
        return None;
    }
    (t.word.len() <= 4)
        .then(|| stamps::stamped(text, toks, i))
        .flatten()
        .or_else(|| stamps::irish(text, toks, i))
}

/// A lower-case English word that no list holds as a given name, a surname
/// (also one that is a word), a title or a nationality: only `named_by` can
/// start a name at it.
fn inert(t: &Tok<'_>) -> bool {
    t.shape == Shape::Lower
        && t.lex.is_english()
        && !t.lex.is_given()
        && !t.lex.is_surname()
        && !t.lex.is_word_surname()
        && !t.lex.is_ambiguous()
        && !t.lex.is_title()
        && !t.lex.is_nationality()
}

/// The given names and surnames the text's e-mail addresses spell
/// ("Rowland.Whitsell@…", "rehana_begum@…"): those two words side by side
/// elsewhere in the text are that person ("Rowland Whitsell" above his
/// job title), when the lists do not know one of them.
struct Mailboxes(Vec<(String, String)>);

impl Mailboxes {
    fn new(text: &str) -> Mailboxes {
        let mut pairs = Vec::new();
        for (at, _) in text.match_indices('@') {
            let local = &text[..at];
            let from = local
                .char_indices()
                .rev()
                .find(|&(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
                .map_or(0, |(k, c)| k + c.len_utf8());
            let parts: Vec<&str> = local[from..].split(['.', '_', '-']).collect();
            let named = parts.len() == 2
                && parts
                    .iter()
                    .all(|p| p.len() >= 2 && p.bytes().all(|b| b.is_ascii_alphabetic()));
            if named {
                pairs.push((parts[0].to_ascii_lowercase(), parts[1].to_ascii_lowercase()));
            }
        }
        Mailboxes(pairs)
    }

    /// The name at token `i` an address spells: its last token.
    fn at(&self, text: &str, toks: &[Tok<'_>], i: usize) -> Option<(usize, f32)> {
        if self.0.is_empty() {
            return None;
        }
        let (t, next) = (&toks[i], toks.get(i + 1)?);
        let shaped = matches!(t.shape, Shape::Cap | Shape::Upper) && next.shape == t.shape;
        // Names the lists know are found by the other rules; a team's
        // mailbox ("housing.options@") is of words.
        let unknown = t.lex == lex::Bits::default() || next.lex == lex::Bits::default();
        let wordless = |w: &Tok<'_>| {
            !w.lex.is_english()
                && !w.lex.is_common()
                && !w.lex.is_street()
                && !w.lex.is_org()
                && !w.lex.is_job_word()
        };
        let spelt = shaped
            && unknown
            && wordless(t)
            && wordless(next)
            && tokens::linked(text, toks, i)
            && self.0.iter().any(|(given, surname)| {
                t.word.eq_ignore_ascii_case(given) && next.word.eq_ignore_ascii_case(surname)
            });
        (spelt && !vetoed(text, toks, i, i + 1)).then_some((i + 1, 0.8))
    }
}

/// The start of a name found at token `i`, a surname alone, with the
/// initial before it taken in ("S Khalid witnessed", "| A Yusuf |"): a
/// capital alone, not "I" or "A" opening a sentence, one space before the
/// surname and no capitalised word before the capital.
fn initial_before(text: &str, toks: &[Tok<'_>], i: usize) -> usize {
    if i == 0 || toks[i].shape != Shape::Cap || toks[i].lex.is_given() || toks[i].lex.is_title() {
        return i;
    }
    let initial = &toks[i - 1];
    let opening = initial.word == "A" && sentence_start(text, initial.start);
    let capital_before = i >= 2
        && tokens::linked(text, toks, i - 2)
        && matches!(
            toks[i - 2].shape,
            Shape::Cap | Shape::Upper | Shape::Initial
        );
    let taken = initial.shape == Shape::Initial
        && initial.word.len() == 1
        && initial.word != "I"
        && !opening
        && tokens::gap(text, toks, i - 1) == " "
        && !capital_before;
    if taken {
        i - 1
    } else {
        i
    }
}

/// The end of a name ending at token `last`, with a bare initial after a
/// given name taken in ("Deborah L", "Thanks, Tomasz W"): a capital alone,
/// not "I" or "A", with no capitalised word after it.
fn bare_initial_after(text: &str, toks: &[Tok<'_>], last: usize) -> usize {
    let t = &toks[last];
    let Some(next) = toks.get(last + 1) else {
        return last;
    };
    // "Operative Dean W. Called tenant": a sentence goes on after the
    // initial's full stop, with a word no name holds.
    let sentence_after = |k: usize| {
        let w = &toks[k];
        text[next.end..w.start].starts_with(". ")
            && w.lex.is_english()
            && !w.lex.is_given()
            && !w.lex.is_surname()
    };
    let ends = !tokens::linked(text, toks, last + 1)
        || !matches!(
            toks[last + 2].shape,
            Shape::Cap | Shape::Upper | Shape::Initial
        )
        || sentence_after(last + 2);
    let taken = t.shape == Shape::Cap
        && t.lex.is_given()
        && t.end == t.full_end
        && tokens::gap(text, toks, last) == " "
        && next.shape == Shape::Initial
        && !matches!(next.word, "I" | "A")
        && ends;
    if taken {
        last + 1
    } else {
        last
    }
}

/// What the rules found, as the model sees it: every word of a name found
/// with some confidence, and the first words of longer names.
fn context(toks: &[Tok<'_>], taken: &[Option<Option<f32>>]) -> model::Context {
    let mut name_words = HashSet::new();
    let mut given_words = HashSet::new();
    for (k, t) in toks.iter().enumerate() {
        if matches!(taken[k], Some(Some(c)) if c >= 0.7) && !t.lex.is_title() {
            name_words.insert(t.word.to_lowercase());
            let starts = k == 0 || !matches!(taken[k - 1], Some(Some(_)));
            let more = matches!(taken.get(k + 1), Some(Some(Some(_))));
            if starts && more && t.shape != Shape::Initial {
                given_words.insert(t.word.to_lowercase());
            }
        }
    }
    model::Context {
        name_words,
        given_words,
    }
}

/// The tokens the model scores: words the rules left alone that could be
/// names and are not part of an e-mail address or web address.
fn scored(text: &str, toks: &[Tok<'_>], taken: &[Option<Option<f32>>]) -> Vec<usize> {
    (0..toks.len())
        .filter(|&k| {
            let t = &toks[k];
            let joined = || {
                text[..t.start].ends_with(['.', '@', '_', '/', '\\', '=', '-'])
                    || text[t.full_end..].starts_with(['@', '_', '/', '\\', '=', '.'])
                        && text[t.full_end + 1..].starts_with(|c: char| c.is_alphanumeric())
            };
            // "… Oduya-Reid Relationship: daughter": a word before a colon
            // after other words of its line is a form's next label.
            let label = text[t.full_end..].starts_with(':')
                && !text[..t.start]
                    .trim_end_matches([' ', '\t'])
                    .ends_with(['\n'])
                && t.start > 0;
            taken[k].is_none()
                && model::candidate(t)
                && !joined()
                && !run_into_number(text, t)
                && !label
        })
        .collect()
}

/// The words `model` scores as names, each alone.
fn learned(
    text: &str,
    toks: &[Tok<'_>],
    taken: &[Option<Option<f32>>],
    model: &Model,
) -> Vec<Span> {
    if model.is_empty() {
        return Vec::new();
    }
    let ctx = context(toks, taken);
    let mut words = model::Words::new(toks.len());
    let mut feats = Vec::new();
    let candidates = scored(text, toks, taken);
    let found: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&k| {
            model::features(text, toks, k, &ctx, &mut words, &mut feats);
            let bar = if word_like(text, &toks[k]) {
                model.word_threshold()
            } else {
                model.threshold()
            };
            model.score(&feats) > bar
                // A word for family, a trade or a surname's particle is no
                // name ("Auntie", "Joiner", "De"), nor a word-name
                // in small letters ("flew to florence": the rules' to find)
                // or before a time ("saw Grace at 3 pm"), and capitals in a
                // shouted clause are no one's initials ("FB IS A JOKE").
                && !context::kin(&toks[k].word.to_lowercase())
                && !toks[k].lex.is_job_word()
                && !forms::particle(toks[k].word)
                && !(toks[k].lex.is_ambiguous()
                    && (toks[k].shape == Shape::Lower || before_at_a_number(text, &toks[k])))
                && !(stamps::initials_word(toks[k].word) && forms::upper_clause(text, toks[k].start))
                && !word_opening(text, toks, k, &ctx)
                && !word_after_article(toks, k)
                && !forms::town(text, toks, k)
                && !forms::pet(text, toks, k)
        })
        .collect();
    // A word the model found that is no English word or common word of
    // housing records is found again wherever the text writes it
    // ("Abdikarim Jama" … "angry with Abdikarim").
    let again: HashSet<String> = found
        .iter()
        .filter(|&&k| {
            let t = &toks[k];
            t.shape != Shape::Lower
                && !t.lex.is_english()
                && !t.lex.is_common()
                && !t.lex.is_ambiguous()
                && !stamps::initials_word(t.word)
        })
        .map(|&k| toks[k].word.to_lowercase())
        .collect();
    candidates
        .into_iter()
        .filter(|&k| {
            found.binary_search(&k).is_ok()
                || !again.is_empty()
                    && again.contains(&toks[k].word.to_lowercase())
                    && !forms::upper_clause(text, toks[k].start)
        })
        .map(|k| (k, k, MODEL_CONFIDENCE))
        .collect()
}

fn name_finding(text: &str, toks: &[Tok<'_>], i: usize, last: usize, confidence: f32) -> Finding {
    // Initials alone take their last full stop: "J.B."; so does a bare
    // initial after a given name: "Kwame A.".
    let dotted = last > i
        && toks[last].shape == Shape::Initial
        && (toks[i..=last].iter().all(|t| t.shape == Shape::Initial)
            || toks[last - 1].shape != Shape::Initial)
        && text[toks[last].end..].starts_with('.');
    let (start, end) = (toks[i].start, toks[last].end + usize::from(dotted));
    Finding::person(text, start, end, confidence)
}

/// A word that is also an ordinary word opening a sentence ("Hope this
/// helps", "Will do"), not the given name of someone named in the text:
/// the rules overrule the model there.
fn word_opening(text: &str, toks: &[Tok<'_>], k: usize, ctx: &model::Context) -> bool {
    let t = &toks[k];
    (t.lex.is_ambiguous() || t.lex.is_english() || t.lex.is_common())
        && sentence_start(text, t.start)
        && !ctx.given_words.contains(&t.word.to_lowercase())
}

/// A word the model needs more for: also an ordinary word ("so mark was
/// wrong", "See Room (7)"), a name that is also a word ("Grace"), or in a
/// clause written wholly in capitals.
fn word_like(text: &str, t: &Tok<'_>) -> bool {
    t.lex.is_english()
        || t.lex.is_ambiguous()
        || t.lex.is_common()
        || forms::upper_clause(text, t.start)
}

/// Whether "at" and a number follow `t` ("Grace at 3 pm").
fn before_at_a_number(text: &str, t: &Tok<'_>) -> bool {
    text[t.full_end..]
        .strip_prefix(" at ")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// A word that is also an ordinary word after an article or a determiner
/// ("A Grace period", "the Bill"): a thing, not a person.
fn word_after_article(toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    (t.lex.is_ambiguous() || t.lex.is_english() || t.lex.is_common())
        && k.checked_sub(1).is_some_and(|p| {
            matches!(
                toks[p].word.to_ascii_lowercase().as_str(),
                "a" | "an" | "the" | "this" | "that" | "any" | "every" | "no"
            )
        })
}

/// The confidence of a word only the model found.
const MODEL_CONFIDENCE: f32 = 0.5;

/// Names in text order, a word the model found joined to the name next to
/// it ("Hall" + "Bob M.", "Farrell" + ", " + "Keegan" are one name), so the
/// whole name is one finding.
fn merge(text: &str, toks: &[Tok<'_>], mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by_key(|s| s.0);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(prev) = out.last_mut() {
            let next = prev.1 + 1 == s.0;
            let touching = next && tokens::linked(text, toks, prev.1);
            // "Farrell, Keegan": a surname, a comma and a given name, not a
            // list of names.
            let comma = next
                && prev.0 == prev.1
                && tokens::gap(text, toks, prev.1) == ", "
                && tokens::gap(text, toks, s.1) != ", "
                && toks[s.0].shape == Shape::Cap
                && toks[prev.1].shape == Shape::Cap;
            let learned = prev.2 == MODEL_CONFIDENCE || s.2 == MODEL_CONFIDENCE;
            if (touching || comma) && learned {
                prev.1 = s.1;
                prev.2 = prev.2.max(s.2);
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// A name found without the given name before it, because that given name
/// is also a word ("Rob Marsden said", "Pat Green rang") or in no list
/// ("Jerraud Powers" before a known surname found alone), takes it in: a
/// capitalised given name from the lists (or a word the lists hold as
/// both a word and a given name, "Rob", "Pat"), one space before the name, not
/// part of another name and not after an article or a time word.
fn with_given_before(text: &str, toks: &[Tok<'_>], mut spans: Vec<Span>) -> Vec<Span> {
    for k in 0..spans.len() {
        let i = spans[k].0;
        if i == 0 || k > 0 && spans[k - 1].1 + 1 >= i {
            continue;
        }
        let given = &toks[i - 1];
        let after_a_word = i >= 2
            && tokens::linked(text, toks, i - 2)
            && NOT_BEFORE_A_NAME.contains(&toks[i - 2].word.to_lowercase().as_str());
        // "Jerraud Powers": a given name in no list before a known surname
        // found alone.
        let unlisted = spans[k].1 == i
            && (toks[i].lex.is_surname() || toks[i].lex.is_word_surname())
            && !given.lex.is_given()
            && !given.lex.is_surname()
            && !given.lex.is_english()
            && !given.lex.is_common()
            && !given.lex.is_street()
            && !given.lex.is_org()
            && !given.lex.is_month_or_day()
            && !given.lex.is_nationality()
            && !given.lex.is_cue_word()
            && !given.lex.is_job_word()
            && given.end == given.full_end
            && given.word.chars().skip(1).all(char::is_lowercase)
            && given.word.chars().count() > 2;
        // "Abdul-Basit Osman": a given name and another capitalised word
        // joined by a hyphen.
        let joined_given = given.word.split_once('-').is_some_and(|(a, b)| {
            lex::is_given(a) && b.starts_with(|c: char| c.is_uppercase()) && !b.contains('-')
        });
        if given.shape == Shape::Cap
            && (given.lex.is_given()
                || joined_given
                || given.lex.is_ambiguous() && !given.lex.is_surname()
                || unlisted)
            && !given.lex.is_title()
            && toks[i].shape == Shape::Cap
            // "On 24 April Mr Stead": a title opens a name.
            && !toks[i].lex.is_title()
            && tokens::linked(text, toks, i - 1)
            && !after_a_word
        {
            spans[k].0 = i - 1;
        }
    }
    spans
}

/// In a list of people parted by commas, a name between two names found:
/// "On site: G. Baxter, Ally Soutar, Jamie Reid". One to three capitalised
/// words that are no street's, organisation's, title's, month's, job's or
/// cue's words nor common words nor a town; one alone a name of the lists,
/// a word that may be one, or no English word.
fn between_names(text: &str, toks: &[Tok<'_>], mut spans: Vec<Span>) -> Vec<Span> {
    let plain = |t: &Tok<'_>| {
        cues::plain_capitalised(t)
            && !t.lex.is_org()
            && !t.lex.is_street()
            && !t.lex.is_job_word()
            && !t.lex.is_town()
    };
    let mut added = Vec::new();
    for pair in spans.windows(2) {
        let (before, after) = (pair[0], pair[1]);
        if after.0 < before.1 + 2 || after.0 - before.1 > 4 {
            continue;
        }
        let (first, last) = (before.1 + 1, after.0 - 1);
        let parted = |k: usize| tokens::gap(text, toks, k) == ", ";
        if !parted(before.1) || !parted(last) {
            continue;
        }
        let words = &toks[first..=last];
        let joined = (first..last).all(|k| tokens::linked(text, toks, k));
        let named = match words {
            [one] => {
                one.lex.is_given()
                    || one.lex.is_ambiguous()
                    || one.lex.is_surname()
                    || !one.lex.is_english()
            }
            _ => true,
        };
        if joined && named && words.iter().all(plain) && !forms::vetoed(text, toks, first, last) {
            added.push((first, last, 0.7));
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.0);
    }
    spans
}

/// Words after which a name that is also a word is the word: "a Grace
/// period", "due in May".
const NOT_BEFORE_A_NAME: &[&str] = &[
    "a", "an", "the", "in", "of", "since", "from", "until", "till", "by", "during", "before",
    "after", "early", "late", "mid", "end", "next", "last", "this", "every",
];

/// Words after which a word that is also a given name is the word: "Will
/// you", "May we", "Mark the form".
const NOT_AFTER_A_NAME: &[&str] = &[
    "you", "we", "i", "it", "they", "be", "the", "a", "an", "your", "our", "this", "that", "not",
];

/// Once a word is a name in a text it is a name elsewhere in it, in any
/// letter case: "Her son Temitope … shouting at Temitope", "Stephanie Panus
/// … STEPHANIE … stephanie". A name that is also a word ("Hope") must be
/// capitalised and must not start a sentence or stand next to a number
/// ("4 May 2025") unless it is possessive — or be the given name of a
/// person named in full earlier in the text ("Mark Taylor rang … Mark said
/// … MARK"), neither after an article or a time word nor beside a number.
fn repeated(
    text: &str,
    toks: &[Tok<'_>],
    taken: &[Option<Option<f32>>],
    spans: &[Span],
) -> Vec<usize> {
    let names: HashSet<String> = toks
        .iter()
        .zip(taken)
        .filter(|(t, found)| {
            matches!(found, Some(Some(c)) if *c >= 0.7)
                && t.shape != Shape::Initial
                && !t.lex.is_title()
                // Initials are found again by `stamps::again`, as written.
                && !stamps::initials_word(t.word)
        })
        .map(|(t, _)| t.word.to_lowercase())
        .collect();
    // Given names of full names, with where the first full name ends.
    let mut given: HashMap<String, usize> = HashMap::new();
    for &(i, last, c) in spans {
        let Some(first) = (i..last).find(|&k| !toks[k].lex.is_title()) else {
            continue;
        };
        // "Greenberg, Mark": the given name comes after the comma.
        let first = if first < last && tokens::gap(text, toks, first) == ", " {
            first + 1
        } else {
            first
        };
        if c >= 0.7 && toks[first].shape != Shape::Initial {
            given
                .entry(toks[first].word.to_lowercase())
                .or_insert(toks[last].end);
        }
    }
    // Lower-case names found with a cue ("her fella dean"), found again in
    // lower case in a sentence written wholly in it ("dean and his brother").
    let lower_names: HashSet<String> = toks
        .iter()
        .zip(taken)
        .filter(|(t, found)| {
            let plain = !t.lex.is_english() && !t.lex.is_ambiguous();
            matches!(found, Some(Some(_)))
                && t.shape == Shape::Lower
                && t.lex.is_given()
                && !t.lex.is_title()
                && !t.lex.is_common()
                && (plain || name_and_word(t.word))
        })
        .map(|(t, _)| t.word.to_lowercase())
        .collect();
    // A lower-case given name, also one that is a word, found with a cue
    // ("her partner rob"), found again after a word a name follows, "by"
    // too ("threatened by rob").
    let cued_lower: HashSet<&str> = toks
        .iter()
        .zip(taken)
        .filter(|(t, found)| {
            matches!(found, Some(Some(c)) if *c >= 0.7)
                && t.shape == Shape::Lower
                && (t.lex.is_given() || t.lex.is_ambiguous())
                && !t.lex.is_title()
        })
        .map(|(t, _)| t.word)
        .collect();
    let mut out = Vec::new();
    if names.is_empty() && lower_names.is_empty() && cued_lower.is_empty() {
        return out;
    }
    for (k, t) in toks.iter().enumerate() {
        if taken[k].is_none()
            && t.shape == Shape::Lower
            && lower_names.contains(t.word)
            && lower_again(text, toks, k)
        {
            out.push(k);
            continue;
        }
        // A word found as a name with a cue, again after a word a
        // name follows, in a sentence written wholly in lower case
        // ("threatened by rob"), not before a word a name seldom comes
        // before.
        let common_again = !cued_lower.is_empty()
            && taken[k].is_none()
            && t.shape == Shape::Lower
            && cued_lower.contains(t.word)
            && k > 0
            && tokens::gap(text, toks, k - 1) == " "
            && before_a_lower_name(toks[k - 1].word)
            && toks[k - 1].word != "to"
            && !toks
                .get(k + 1)
                .is_some_and(|n| NOT_AFTER_A_NAME.contains(&n.word))
            && lower_sentence(text, t.start)
            && !vetoed(text, toks, k, k);
        if common_again {
            out.push(k);
            continue;
        }
        // "her boyfriend dean … its deans dog": a name found in the text,
        // its possessive written without the apostrophe before family,
        // friends or what is theirs.
        let bare_possessive = taken[k].is_none()
            && (t.shape == Shape::Lower || t.shape == Shape::Cap && !t.lex.is_surname())
            && t.end == t.full_end
            && t.word.strip_suffix('s').is_some_and(|stem| {
                stem.len() >= 3
                    && lex::with_lower(stem, |stem| {
                        names.contains(stem)
                            || lower_names.contains(stem)
                            || cued_lower.contains(stem)
                    })
            })
            && (kin_after(text, toks, k) || owned_after(text, toks, k));
        if bare_possessive {
            out.push(k);
            continue;
        }
        if taken[k].is_none() && family(text, toks, k, &names) {
            out.push(k);
            continue;
        }
        // "Craig Lancaster lives in Lancaster": a surname alone after "in"
        // is the town.
        if taken[k].is_some()
            || t.shape == Shape::Initial
            || !lex::with_lower(t.word, |w| names.contains(w))
            || vetoed(text, toks, k, k)
            || forms::town(text, toks, k)
        {
            continue;
        }
        // "susan" of "susan.bailey@example.com" is part of an address.
        let joined_before = text[..t.start].ends_with(['.', '@', '_', '/']);
        let joined_after = text[t.full_end..]
            .strip_prefix(['.', '@', '_', '/'])
            .is_some_and(|r| r.starts_with(|c: char| c.is_alphanumeric()));
        if joined_before || joined_after {
            continue;
        }
        let possessive = t.end != t.full_end;
        let digit_before = text[..t.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        let digit_after = text[t.full_end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        // "the father of Mason": "of" after a word for family is no time's.
        let kin_of = k > 1 && toks[k - 1].word == "of" && context::kin(toks[k - 2].word);
        let after_article_or_time = k > 0
            && NOT_BEFORE_A_NAME.contains(&toks[k - 1].word.to_lowercase().as_str())
            && !kin_of;
        let word_like = t.lex.is_ambiguous() || t.lex.is_common();
        let known_given = given
            .get(&t.word.to_lowercase())
            .is_some_and(|&end| end <= t.start)
            && matches!(t.shape, Shape::Cap | Shape::Upper)
            && !after_article_or_time
            && !digit_before
            && !digit_after
            && !toks
                .get(k + 1)
                .is_some_and(|n| NOT_AFTER_A_NAME.contains(&n.word.to_lowercase().as_str()));
        if t.shape != Shape::Cap && (word_like || t.lex.is_english()) && !known_given {
            continue;
        }
        // "Leanne Fields" is a name, "Mill Fields" a place.
        let in_place = t.lex.is_street()
            && k > 0
            && tokens::linked(text, toks, k - 1)
            && matches!(toks[k - 1].shape, Shape::Cap | Shape::Upper);
        if in_place {
            continue;
        }
        let doubtful =
            sentence_start(text, t.start) || digit_before || digit_after || after_article_or_time;
        if word_like && !possessive && doubtful && !known_given {
            continue;
        }
        out.push(k);
    }
    out
}

/// A family by its surname in the plural: "the Okonedos", "the Joneses",
/// a surname the lists hold and no word; or "Graysons" of a "Mrs Grayson"
/// found in the text.
fn family(text: &str, toks: &[Tok<'_>], k: usize, names: &HashSet<String>) -> bool {
    let t = &toks[k];
    if t.shape != Shape::Cap || t.end != t.full_end || t.lex.is_english() || t.lex.is_given() {
        return false;
    }
    let stems = [t.word.strip_suffix("es"), t.word.strip_suffix('s')];
    let the = k > 0
        && toks[k - 1].word.eq_ignore_ascii_case("the")
        && tokens::gap(text, toks, k - 1) == " ";
    // ("Marks & Spencer" of a "Mark" found: a given name's plural only
    // after "the".)
    let found_before = stems.iter().flatten().any(|stem| {
        stem.len() >= 3
            && lex::with_lower(stem, |s| names.contains(s))
            && (the || !lex::is_given(stem))
    });
    let listed = stems.iter().flatten().any(|stem| {
        stem.len() >= 3 && lex::is_surname(stem) && !lex::is_english(stem) && !lex::is_given(stem)
    });
    found_before || the && listed
}

/// Whether one of a person's things follows token `k` after one space:
/// "deans dog", "kayleighs car".
fn owned_after(text: &str, toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k + 1).is_some_and(|n| {
        tokens::gap(text, toks, k) == " " && n.shape == Shape::Lower && OWNED.contains(&n.word)
    })
}

/// What a person has, after their name: "deans dog".
const OWNED: &[&str] = &[
    "dog", "dogs", "cat", "car", "van", "bike", "house", "flat", "garden", "music", "kids",
    "mates", "friends", "door", "bins", "bay", "drive", "window", "fence",
];

/// Whether lower-case token `k`, the word of a lower-case name found
/// elsewhere in the text, is that name again: in a sentence written wholly
/// in lower case, not after an article, "to" or a time word ("the dean",
/// "to rob"), not before a word a name seldom comes before ("mark the
/// form"), not beside a number and not part of an address.
fn lower_again(text: &str, toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let before = k
        .checked_sub(1)
        .map(|p| toks[p].word.to_lowercase())
        .unwrap_or_default();
    let after = toks
        .get(k + 1)
        .map(|n| n.word.to_lowercase())
        .unwrap_or_default();
    let joined = text[..t.start].ends_with(['.', '@', '_', '/', '\\', '-'])
        || text[t.full_end..]
            .strip_prefix(['.', '@', '_', '/', '\\'])
            .is_some_and(|r| r.starts_with(char::is_alphanumeric));
    let digit = text[..t.start]
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit())
        || text[t.full_end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    !joined
        && !digit
        && before != "to"
        && !NOT_BEFORE_A_NAME.contains(&before.as_str())
        && !NOT_AFTER_A_NAME.contains(&after.as_str())
        && lower_sentence(text, t.start)
        && !vetoed(text, toks, k, k)
}

/// Whether `pos` opens a sentence or a line.
pub(super) fn opens_sentence(text: &str, pos: usize) -> bool {
    sentence_start(text, pos)
}

/// The words of `text` with their byte ranges (a possessive "'s" left out)
/// and whether only spaces or one line break stand before the next word.
pub(super) fn words(text: &str) -> Vec<(usize, usize, bool)> {
    let toks = tokens(text);
    (0..toks.len())
        .map(|i| {
            let g = tokens::gap(text, &toks, i);
            let close = toks[i].end == toks[i].full_end
                && g.len() <= 3
                && g.chars().all(char::is_whitespace)
                && g.matches('\n').count() <= 1;
            (toks[i].start, toks[i].end, close)
        })
        .collect()
}

/// A key that groups the ways one person's name is written: titles and a
/// possessive dropped, lower case, "Smith, John" read as "John Smith".
/// "Mrs Okafor's" → "okafor"; "SMITH, John" → "john smith".
pub fn person_key(name: &str) -> String {
    let (head, tail) = match name.split_once(',') {
        Some((surname, given)) => (given, surname),
        None => (name, ""),
    };
    let words: Vec<String> = tokens(head)
        .into_iter()
        .chain(tokens(tail))
        .filter(|t| !t.lex.is_title())
        .map(|t| t.word.to_lowercase())
        .collect();
    words.join(" ")
}
