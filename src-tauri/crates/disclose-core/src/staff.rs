//! The staff directory: the organisation's people, imported from a CSV the
//! user exports from HR or the phone list (`name,role,email`, header row
//! required, other columns ignored). Detection uses it to tell staff acting
//! in their role from third parties. It belongs to the organisation, not to
//! one case, so it lives in the Disclose home as `staff.json`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::case::Home;
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StaffMember {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub email: String,
}

fn directory_path(home: &Home) -> PathBuf {
    home.root().join("staff.json")
}

/// The directory as last imported (empty when none was).
pub fn load(home: &Home) -> Result<Vec<StaffMember>> {
    let path = directory_path(home);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let json = std::fs::read_to_string(&path)?;
    serde_json::from_str(&json)
        .map_err(|e| Error::Invalid(format!("{} is unreadable: {e}", path.display())))
}

/// The demo landlord's staff, saved unless a directory exists already.
pub fn ensure_demo(home: &Home) -> Result<()> {
    if directory_path(home).exists() {
        return Ok(());
    }
    let staff = parse_csv(
        b"name,role,email\nPriya Khan,Anti-social Behaviour Officer,priya.khan@northgate-homes.example\nSam Officer,Housing Officer,sam.officer@northgate-homes.example\n",
    )?;
    save(home, &staff)
}

fn save(home: &Home, staff: &[StaffMember]) -> Result<()> {
    let json = serde_json::to_string_pretty(staff).map_err(|e| Error::Invalid(e.to_string()))?;
    crate::private::write_file(&directory_path(home), json.as_bytes())?;
    Ok(())
}

/// Reads a staff CSV, replacing the directory. Rows without a name are
/// refused with their line number, so nobody is silently left out.
pub fn import_csv(home: &Home, csv_path: &Path) -> Result<Vec<StaffMember>> {
    let staff = parse_csv(&std::fs::read(csv_path)?)?;
    save(home, &staff)?;
    Ok(staff)
}

pub fn parse_csv(data: &[u8]) -> Result<Vec<StaffMember>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::Invalid(format!("staff CSV header unreadable: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let name_col = column("name").ok_or_else(|| {
        Error::Invalid(
            "the staff CSV needs a 'name' column (and optionally 'role', 'email')".into(),
        )
    })?;
    let (role_col, email_col) = (column("role"), column("email"));
    let mut staff = Vec::new();
    for (index, row) in reader.records().enumerate() {
        let line = index + 2;
        let row = row.map_err(|e| Error::Invalid(format!("staff CSV line {line}: {e}")))?;
        let field = |col: Option<usize>| col.and_then(|c| row.get(c)).unwrap_or("").to_string();
        let name = field(Some(name_col));
        if name.is_empty() {
            return Err(Error::Invalid(format!(
                "staff CSV line {line}: the name is empty"
            )));
        }
        staff.push(StaffMember {
            name,
            role: field(role_col),
            email: field(email_col).to_lowercase(),
        });
    }
    Ok(staff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_extra_columns_and_bom_is_read() {
        let csv = "\u{feff}Name,Department,Role,Email\nPriya Patel,Housing,Housing Officer,P.Patel@Landlord.example\n\"Okafor, Ben\",Repairs,,\n";
        let staff = parse_csv(csv.as_bytes()).unwrap();
        assert_eq!(staff.len(), 2);
        assert_eq!(staff[0].role, "Housing Officer");
        assert_eq!(staff[0].email, "p.patel@landlord.example");
        assert_eq!(staff[1].name, "Okafor, Ben");
    }

    #[test]
    fn missing_name_is_refused_with_its_line() {
        let err = parse_csv(b"name,role\nA B,x\n,officer\n").unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        assert!(parse_csv(b"role\nx\n").is_err());
    }
}
