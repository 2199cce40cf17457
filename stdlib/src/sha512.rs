//! SHA-512 (FIPS 180-4), for `random.seed` on str and bytes and for
//! `hashlib`. The round constants are derived, not tabulated: the first 64
//! bits of the fractional parts of the square roots (initial hash) and cube
//! roots (round constants) of the first primes, computed exactly once.

use num_bigint::BigUint;
use num_traits::ToPrimitive;
use std::sync::OnceLock;

/// The initial hash value and the 80 round constants.
struct Constants {
    h0: [u64; 8],
    k: [u64; 80],
}

fn primes(n: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(n);
    let mut p = 2u64;
    while out.len() < n {
        if out
            .iter()
            .take_while(|&&q| q * q <= p)
            .all(|&q| !p.is_multiple_of(q))
        {
            out.push(p);
        }
        p += 1;
    }
    out
}

/// The first 64 bits after the point of the `root`-th root of `p`.
fn root_bits(p: u64, root: u32) -> u64 {
    let scaled = BigUint::from(p) << (64 * root as usize);
    let r = scaled.nth_root(root);
    (r & BigUint::from(u64::MAX)).to_u64().unwrap_or(0)
}

fn constants() -> &'static Constants {
    static CONSTANTS: OnceLock<Constants> = OnceLock::new();
    CONSTANTS.get_or_init(|| {
        let ps = primes(80);
        Constants {
            h0: std::array::from_fn(|i| root_bits(ps[i], 2)),
            k: std::array::from_fn(|i| root_bits(ps[i], 3)),
        }
    })
}

/// An incremental SHA-512 hash.
#[derive(Clone)]
pub struct Sha512 {
    state: [u64; 8],
    /// Bytes not yet hashed (less than one 128-byte block).
    pending: Vec<u8>,
    /// Total length in bytes.
    len: u128,
}

impl Default for Sha512 {
    fn default() -> Self {
        Sha512::new()
    }
}

impl Sha512 {
    /// A hash of nothing yet.
    pub fn new() -> Sha512 {
        Sha512 {
            state: constants().h0,
            pending: Vec::with_capacity(128),
            len: 0,
        }
    }

    /// Add `data` to the message.
    pub fn update(&mut self, mut data: &[u8]) {
        self.len += data.len() as u128;
        if !self.pending.is_empty() {
            let take = (128 - self.pending.len()).min(data.len());
            self.pending.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.pending.len() < 128 {
                return;
            }
            let block = std::mem::take(&mut self.pending);
            self.compress(&block);
        }
        let mut blocks = data.chunks_exact(128);
        for block in &mut blocks {
            self.compress(block);
        }
        self.pending.extend_from_slice(blocks.remainder());
    }

    /// The 64-byte digest of everything added.
    pub fn digest(&self) -> [u8; 64] {
        let mut h = self.clone();
        let bit_len = h.len * 8;
        let mut tail = vec![0x80u8];
        let used = (h.pending.len() + 1) % 128;
        tail.resize(1 + (128 + 112 - used) % 128, 0);
        tail.extend_from_slice(&bit_len.to_be_bytes());
        h.update(&tail);
        let mut out = [0u8; 64];
        for (chunk, word) in out.chunks_exact_mut(8).zip(h.state) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        out
    }

    /// Hash one 128-byte block into the state.
    fn compress(&mut self, block: &[u8]) {
        let k = &constants().k;
        let mut w = [0u64; 80];
        for (i, chunk) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes(chunk.try_into().expect("8 bytes"));
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] = self.state;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = h
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            h = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (s, v) in self.state.iter_mut().zip([a, b, c, d, e, f, g, h]) {
            *s = s.wrapping_add(v);
        }
    }
}

/// The SHA-512 digest of `data`.
pub fn digest(data: &[u8]) -> [u8; 64] {
    let mut h = Sha512::new();
    h.update(data);
    h.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        assert!(hex(&digest(b"")).starts_with("cf83e1357eefb8bdf1542850d66d8007"));
        assert!(hex(&digest(b"abc")).starts_with("ddaf35a193617abacc417349ae204131"));
        assert_eq!(constants().k[0], 0x428a2f98d728ae22);
        assert_eq!(constants().h0[0], 0x6a09e667f3bcc908);
    }

    #[test]
    fn incremental_equals_whole() {
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 7) as u8).collect();
        let mut h = Sha512::new();
        for piece in data.chunks(37) {
            h.update(piece);
        }
        assert_eq!(h.digest(), digest(&data));
        for n in [111, 112, 127, 128, 129, 239, 240] {
            let mut h = Sha512::new();
            h.update(&data[..n]);
            assert_eq!(h.digest(), digest(&data[..n]), "{n}");
        }
    }
}
