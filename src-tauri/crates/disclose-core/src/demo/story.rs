//! The demo's files and their contents. The cast (all fictional; phone
//! numbers from Ofcom's drama ranges, addresses at `example` domains):
//!
//! - Jane Anne Smith (née Brown), tenant, 12 Acacia Avenue, SK1 1AA — the
//!   requester; Robert Smith, her partner and joint tenant; Daniel, her son.
//! - Tariq Patel (14 Acacia Avenue) and Grace Okafor (10 Acacia Avenue),
//!   neighbours who complained about noise.
//! - Sam Officer (housing officer), Priya Khan (anti-social behaviour
//!   officer), Mark Jones (surveyor, Brightfix Ltd), PC Alex Lewis.

use super::formats;
use super::rng::Rng;

const JANE: &str = "Jane Smith <jane.smith@example.com>";
const SAM: &str = "Sam Officer <sam.officer@northgate-homes.example>";
const PRIYA: &str = "Priya Khan <priya.khan@northgate-homes.example>";
const REPAIRS: &str = "Repairs Team <repairs@northgate-homes.example>";
const TARIQ: &str = "Tariq Patel <t.patel@example.net>";
const POLICE: &str = "PC Alex Lewis <alex.lewis@police.example>";

/// Every demo file as (relative path, bytes).
pub fn files(seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut rng = Rng(seed);
    let repair_job = format!("R-{}", 20_000 + rng.below(9_000));
    let incident = format!("GMP-{}-{:05}", 26, rng.below(100_000));
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>| files.push((name.to_string(), bytes));

    let damp = formats::eml(
        "damp-1@example.com",
        JANE,
        REPAIRS,
        "Damp in the back bedroom",
        "Mon, 5 Jan 2026 08:12:00 +0000",
        "Hello,\r\n\r\nThere is black mould spreading in the back bedroom at 12 Acacia Avenue. My son Daniel \
         has asthma and it is getting worse. Please call me on 07700 900123.\r\n\r\nJane Smith\r\nTenancy TEN-004417",
    );
    add("mail/01-damp-report.eml", damp.clone());
    add("mail/01-damp-report (copy).eml", damp);
    add(
        "mail/02-repair-booked.eml",
        formats::reply(
            "repair-2@northgate-homes.example",
            "damp-1@example.com",
            REPAIRS,
            JANE,
            "Re: Damp in the back bedroom",
            "Tue, 6 Jan 2026 10:30:00 +0000",
            &format!(
                "Dear Mrs Smith,\r\n\r\nWe have raised repair job {repair_job}. Our surveyor Mark Jones of Brightfix Ltd \
                 will inspect on 14 January between 8am and 12pm.\r\n\r\nRepairs Team, Northgate Homes"
            ),
        ),
    );
    let complaint = formats::eml(
        "asb-3@example.net",
        TARIQ,
        "ASB Team <asb@northgate-homes.example>",
        "Loud music again from number 12",
        "Sat, 17 Jan 2026 23:41:00 +0000",
        "For the third weekend running there is loud music from 12 Acacia Avenue until 2am. I have recorded it \
         on my phone. I live at 14 Acacia Avenue and can be reached on 0161 496 0123. Please do not tell them \
         it was me.\r\n\r\nTariq Patel",
    );
    add("mail/03-noise-complaint.eml", complaint.clone());
    add(
        "mail/04-asb-visit.eml",
        alternative(
            "asb-4@northgate-homes.example",
            PRIYA,
            JANE,
            "Visit about noise reports",
            "Wed, 21 Jan 2026 09:05:00 +0000",
            "Dear Ms Smith,\r\n\r\nWe have received reports of noise late at night. I would like to visit you on \
             28 January to discuss them.\r\n\r\nPriya Khan, Anti-social Behaviour Officer",
            "<p>Dear Ms Smith,</p><p>We have received reports of noise late at night. I would like to visit you on \
             28 January to discuss them.</p><p style=\"color:#fff\">Internal: reports from Mr Patel (no. 14) and \
             Mrs Okafor (no. 10).</p><p>Priya Khan, Anti-social Behaviour Officer</p>",
        ),
    );
    add(
        "mail/05-police-liaison.eml",
        formats::eml(
            "police-5@police.example",
            POLICE,
            PRIYA,
            &format!("Incident {incident}"),
            "Thu, 29 Jan 2026 15:20:00 +0000",
            &format!(
                "Priya,\r\n\r\nFurther to incident {incident}: officers attended 12 Acacia Avenue on 25 January. The \
                 occupant, Jane Smith (DOB 04/03/1985), was given words of advice. Her partner Robert Smith was not \
                 present. Please keep the caller's details confidential.\r\n\r\nPC Alex Lewis 4521"
            ),
        ),
    );
    let arrears_pdf = formats::pdf(&[
        &[
            "Northgate Homes, 1 Civic Way, Stockport SK1 3XE",
            "Mrs J A Smith, 12 Acacia Avenue, Stockport SK1 1AA",
            "Rent account TEN-004417",
            "Dear Mrs Smith,",
            "Your rent account is in arrears by GBP 486.20.",
        ],
        &[
            "Please contact your housing officer, Sam Officer, on 0161 496 0456.",
            "Yours sincerely, Income Team",
        ],
    ]);
    add(
        "mail/06-arrears-letter.eml",
        formats::eml_with_attachment(
            "arrears-6@northgate-homes.example",
            "Your rent account",
            "Dear Mrs Smith, please find attached a letter about your rent account.",
            "arrears-letter.pdf",
            "application/pdf",
            &arrears_pdf,
        ),
    );
    add(
        "mail/07-forwarded-complaint.eml",
        formats::eml_with_attachment(
            "fwd-7@northgate-homes.example",
            "FW: Loud music again from number 12",
            "Sam, for your file. Priya",
            "complaint.eml",
            "message/rfc822",
            &complaint,
        ),
    );
    add(
        "mail/tenant-portal.mbox",
        formats::mbox(&[
            formats::eml(
                "portal-1@example.com",
                JANE,
                SAM,
                "Rent payment plan",
                "Mon, 2 Feb 2026 12:00:00 +0000",
                "Can I pay an extra 20 pounds a week towards the arrears? My new mobile is 07700 900123.",
            ),
            formats::eml(
                "portal-2@northgate-homes.example",
                SAM,
                JANE,
                "Re: Rent payment plan",
                "Tue, 3 Feb 2026 09:00:00 +0000",
                "Dear Jane, yes, a plan of 20 pounds a week is agreed from 9 February. Sam",
            ),
        ]),
    );
    add(
        "mail/outlook/home-visit-follow-up.msg",
        formats::msg(
            "Home visit follow-up",
            "Visited 12 Acacia Avenue with Priya Khan. Mrs Smith says the music is from number 10, not her. \
             Robert Smith confirmed. Agreed to mediation.",
            "visit-checklist.txt",
            b"Smoke alarm tested: yes\nDamp: back bedroom, severe\nHousehold: Jane, Robert, Daniel (9)\n",
        ),
    );

    add(
        "documents/asb-case-notes.docx",
        formats::docx(
            &[
                "ASB case 2026/031 - 12 Acacia Avenue",
                "17 Jan: complaint received from Mr T Patel, 14 Acacia Avenue (tel 0161 496 0123).",
                "28 Jan: visit to Mrs Smith. She denies the noise and alleges harassment by her neighbour.",
            ],
            "OFFICIAL - SENSITIVE",
            "Northgate Homes - ASB case notes",
            "Do not disclose the complainant's identity - see police advice.",
            "Mrs Okafor at number 10 also reported noise on 24 January.",
        ),
    );
    add(
        "documents/tenancy-agreement.pdf",
        formats::pdf(&[
            &[
                "ASSURED TENANCY AGREEMENT",
                "Landlord: Northgate Homes, 1 Civic Way, Stockport SK1 3XE",
                "Tenants: Jane Anne Smith and Robert Smith",
                "Property: 12 Acacia Avenue, Stockport SK1 1AA",
                "Tenancy reference: TEN-004417",
            ],
            &[
                "Rent: GBP 112.40 per week, payable in advance on Mondays.",
                "Signed: J A Smith, R Smith",
            ],
        ]),
    );
    add(
        "documents/home-visit-form.odt",
        formats::odt(&[
            "Home visit form",
            "Tenant: Jane Anne Smith, National Insurance number AB 12 34 56 C",
            "Date of birth: 4 March 1985. Previous name: Jane Brown.",
            "Vulnerabilities: child with asthma (Daniel, 9).",
        ]),
    );
    add(
        "documents/repairs-history.rtf",
        format!(
            "{{\\rtf1\\ansi\\ansicpg1252{{\\fonttbl{{\\f0 Arial;}}}}{{\\info{{\\author Mark Jones}}}}\\f0 Repairs history - 12 Acacia Avenue\\par \
             {repair_job}: damp and mould, back bedroom. Inspected by Mark Jones, Brightfix Ltd.\\par \
             Cause: failed gutter. Cost \\'a3640.\\par }}"
        )
        .into_bytes(),
    );
    add(
        "documents/legacy/allocation-note.doc",
        formats::doc("Allocation note 2019\nOffered 12 Acacia Avenue to Jane Brown (now Smith) and Robert Smith.\nAccepted 1 June 2019."),
    );
    add(
        "documents/legacy/panel-briefing.ppt",
        formats::ppt(&[
            "ASB panel briefing - February 2026",
            "Case 2026/031: 12 Acacia Avenue - mediation agreed",
        ]),
    );
    let mut damaged = formats::docx(&["draft"], "", "", "", "");
    damaged.truncate(damaged.len() / 2);
    add("documents/old-notes-damaged.docx", damaged);

    let mut rent_rows: Vec<Vec<String>> =
        vec![vec!["Date".into(), "Description".into(), "Amount".into()]];
    let mut balance: i64 = 0;
    for week in 0..8u32 {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("valid date")
            + chrono::Days::new(week as u64 * 7);
        rent_rows.push(vec![date.to_string(), "Rent".into(), "112.40".into()]);
        balance += 11_240;
        if rng.below(3) > 0 {
            let paid = 8_000 + rng.below(3_240) as i64;
            balance -= paid;
            rent_rows.push(vec![
                date.to_string(),
                "Payment".into(),
                format!("-{}.{:02}", paid / 100, paid % 100),
            ]);
        }
    }
    rent_rows.push(vec![
        "".into(),
        "Balance".into(),
        format!("{}.{:02}", balance / 100, balance % 100),
    ]);
    let rent_refs: Vec<Vec<&str>> = rent_rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rent_slices: Vec<&[&str]> = rent_refs.iter().map(Vec::as_slice).collect();
    add(
        "records/rent-account-TEN-004417.xlsx",
        formats::xlsx(
            &rent_slices,
            &[
                &["Officer note"],
                &["Possession proceedings considered - discuss with Sam Officer"],
            ],
        ),
    );
    add(
        "records/housing-system-export.csv",
        b"tenancy_ref,uprn,name,role,date_of_birth,phone,start_date\n\
TEN-004417,100012345678,Jane Anne Smith,lead tenant,1985-03-04,0161 496 0000,2019-06-01\n\
TEN-004417,100012345678,Robert Smith,joint tenant,1983-11-20,07700 900456,2019-06-01\n\
TEN-004418,100012345679,Tariq Patel,lead tenant,1979-07-15,0161 496 0123,2015-02-09\n"
            .to_vec(),
    );
    add(
        "records/repairs-jobs.csv",
        format!(
            "job,tenancy_ref,raised,category,status,contractor\n{repair_job},TEN-004417,2026-01-06,Damp and mould,Completed,Brightfix Ltd\n"
        )
        .into_bytes(),
    );
    add(
        "records/crm-contact.json",
        br#"{"contact": {"name": "Jane Anne Smith", "previous_names": ["Jane Brown"], "email": "jane.smith@example.com",
  "phones": ["0161 496 0000", "07700 900123"], "address": "12 Acacia Avenue, Stockport SK1 1AA",
  "flags": ["child with asthma"], "ni_number": "AB123456C"},
 "interactions": [{"date": "2026-02-02", "channel": "portal", "summary": "Asked for a payment plan"}]}"#
            .to_vec(),
    );
    add(
        "records/repairs-portal.html",
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Repair {repair_job}</title></head><body>\
             <h1>Repair {repair_job}</h1><p>Reported by Jane Smith &amp; son &ndash; damp in back bedroom.</p>\
             <div hidden>Surveyor note: neighbour at 14 says gutter blocked for months.</div></body></html>"
        )
        .into_bytes(),
    );
    add(
        "scans/signed-forms.zip",
        formats::zip(&[
            ("consent-form.txt", b"I, Jane Anne Smith, consent to Northgate Homes sharing my details with Stockport Council.".as_slice()),
            (
                "nested/medical-letter.zip",
                &formats::zip(&[("gp-letter.txt", b"Daniel Smith (age 9) has asthma aggravated by damp. Dr R Khan.".as_slice())]),
            ),
        ]),
    );
    files
}

/// A multipart/alternative email whose HTML part says more than its text
/// part: the classic leak a reviewer must see.
fn alternative(
    id: &str,
    from: &str,
    to: &str,
    subject: &str,
    date: &str,
    text: &str,
    html: &str,
) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\nMessage-ID: <{id}>\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n\
--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>{html}</body></html>\r\n--alt--\r\n"
    )
    .into_bytes()
}
