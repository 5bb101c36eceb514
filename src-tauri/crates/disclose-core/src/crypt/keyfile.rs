//! The home's key file, `encryption.json`: the random data key of the home,
//! sealed (XChaCha20-Poly1305) under a key derived from the passphrase with
//! Argon2id. Only the sealed key, the salt and the cost parameters are
//! stored; a wrong passphrase fails to open the seal and changes nothing.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::XChaCha20Poly1305;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The key file's name in the home.
pub const FILE: &str = "encryption.json";
/// Bound to the seal, so a sealed key cannot be taken for anything else.
const AAD: &[u8] = b"disclose home data key v1";
/// Argon2id cost: 64 MiB, three passes (RFC 9106's second recommendation).
const M_COST_KIB: u32 = 64 * 1024;
const T_COST: u32 = 3;
/// Bounds on what a key file may ask for (it is read before it is trusted).
const MAX_M_COST_KIB: u32 = 4 * 1024 * 1024;
const MAX_T_COST: u32 = 64;

#[derive(Serialize, Deserialize)]
struct KeyFile {
    version: u32,
    kdf: String,
    m_cost_kib: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
    nonce: String,
    sealed_key: String,
}

fn kek(passphrase: &str, salt: &[u8], m: u32, t: u32, p: u32) -> Result<[u8; 32]> {
    let params = Params::new(m, t, p, Some(32))
        .map_err(|e| Error::Invalid(format!("key file: bad Argon2 parameters: {e}")))?;
    let mut out = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut out)
        .map_err(|e| Error::Invalid(format!("passphrase could not be used: {e}")))?;
    Ok(out)
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).map_err(|e| Error::Invalid(format!("no system randomness: {e}")))?;
    Ok(out)
}

/// Makes a new data key, seals it under `passphrase` and writes the key
/// file to `path` (refusing to replace one). Returns the data key.
pub fn create(path: &Path, passphrase: &str) -> Result<[u8; 32]> {
    if passphrase.chars().count() < 8 {
        return Err(Error::Invalid(
            "the passphrase must have at least 8 characters".into(),
        ));
    }
    let data_key: [u8; 32] = random()?;
    let salt: [u8; 16] = random()?;
    let nonce: [u8; 24] = random()?;
    let kek = kek(passphrase, &salt, M_COST_KIB, T_COST, 1)?;
    let sealed = XChaCha20Poly1305::new((&kek).into())
        .encrypt(
            (&nonce).into(),
            Payload {
                msg: &data_key,
                aad: AAD,
            },
        )
        .map_err(|_| Error::Invalid("the data key could not be sealed".into()))?;
    let file = KeyFile {
        version: 1,
        kdf: "argon2id".into(),
        m_cost_kib: M_COST_KIB,
        t_cost: T_COST,
        p_cost: 1,
        salt: hex::encode(salt),
        nonce: hex::encode(nonce),
        sealed_key: hex::encode(sealed),
    };
    let json = serde_json::to_vec_pretty(&file).map_err(|e| Error::Invalid(e.to_string()))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut out = options.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => {
            Error::Invalid("this home is already encrypted".into())
        }
        _ => Error::Io(e),
    })?;
    std::io::Write::write_all(&mut out, &json)?;
    out.sync_all()?;
    Ok(data_key)
}

/// Opens the key file at `path` with `passphrase`: the data key, or
/// `Error::Locked` for a wrong passphrase.
pub fn open(path: &Path, passphrase: &str) -> Result<[u8; 32]> {
    let bad = |what: &str| Error::Invalid(format!("key file {}: {what}", path.display()));
    let file: KeyFile =
        serde_json::from_slice(&std::fs::read(path)?).map_err(|e| bad(&e.to_string()))?;
    if file.version != 1 || file.kdf != "argon2id" {
        return Err(bad("unknown version or key derivation"));
    }
    if file.m_cost_kib > MAX_M_COST_KIB || file.t_cost > MAX_T_COST || file.p_cost > 16 {
        return Err(bad("Argon2 cost out of bounds"));
    }
    let salt = hex::decode(&file.salt).map_err(|_| bad("salt"))?;
    let nonce: [u8; 24] = hex::decode(&file.nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| bad("nonce"))?;
    let sealed = hex::decode(&file.sealed_key).map_err(|_| bad("sealed key"))?;
    let kek = kek(passphrase, &salt, file.m_cost_kib, file.t_cost, file.p_cost)?;
    let key = XChaCha20Poly1305::new((&kek).into())
        .decrypt(
            (&nonce).into(),
            Payload {
                msg: &sealed,
                aad: AAD,
            },
        )
        .map_err(|_| Error::Locked("wrong passphrase for this encrypted home".into()))?;
    key.try_into().map_err(|_| bad("sealed key length"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_passphrase_opens_the_key_and_a_wrong_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let key = create(&path, "correct horse battery").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "the key file is private");
        }
        assert_eq!(open(&path, "correct horse battery").unwrap(), key);
        let err = open(&path, "correct horse batterz").unwrap_err();
        assert_eq!(err.code(), "locked");
        assert!(
            create(&path, "another passphrase").is_err(),
            "never replaced"
        );
        assert!(create(&dir.path().join("short"), "short").is_err());
    }
}
