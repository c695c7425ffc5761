//! The schema tables as the generator writes them (`tools/gen_schemas.py`): one compact byte
//! string per provider (strings once, in a pool; every figure a varint; absent fields left out),
//! read into [`Node`]s once, when a table is first used. Much smaller in the wasm than the nodes
//! written out as Rust data (a node is 40 bytes, each name a pointer and a length).
//!
//! The layout: the string count, then each string (sorted) as the byte length of the prefix it
//! shares with the one before it, and its remaining bytes (counted); the node count, then per
//! node its presence mask (the bits of [`layout`](super::layout)), its type bits (one
//! byte) and the payload of each present field in bit order: a varint for a figure or a node
//! number (zig-zag for `minimum` and `maximum`), a counted list of string numbers for `enum` and
//! `required`, of name and node pairs for `properties` (each name as its distance from the one
//! before it, the first from -1), of node numbers for `oneOf`; flags carry
//! no payload.

use std::ops::Deref;
use std::sync::OnceLock;

use super::layout as bit;
use super::schema::{Additional, Lists, Node, Pattern};

/// An encoded table and its nodes, read on first use.
pub struct Table {
    bytes: &'static [u8],
    nodes: OnceLock<&'static [Node]>,
}

impl Table {
    /// The table of `bytes` (read when first used).
    pub const fn new(bytes: &'static [u8]) -> Self {
        Table {
            bytes,
            nodes: OnceLock::new(),
        }
    }

    /// The nodes. Empty if the bytes are not a table (a generator fault the tests catch: every
    /// table is read and checked there).
    pub fn nodes(&self) -> &'static [Node] {
        self.nodes.get_or_init(|| read(self.bytes).unwrap_or(&[]))
    }

    /// Whether the bytes read as a table to their end (for the providers' tests: a table that
    /// does not read would leave its validators with no nodes).
    pub fn reads_to_its_end(&self) -> bool {
        read(self.bytes).is_some()
    }
}

impl Deref for Table {
    type Target = [Node];

    fn deref(&self) -> &[Node] {
        self.nodes()
    }
}

/// A cursor over the encoded bytes.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
            if shift > 28 {
                return None;
            }
        }
    }

    fn index(&mut self) -> Option<u16> {
        u16::try_from(self.varint()?).ok()
    }

    fn count(&mut self) -> Option<usize> {
        // A count larger than the bytes left is no table (and must not reserve memory).
        let count = usize::try_from(self.varint()?).ok()?;
        (count <= self.bytes.len() - self.at.min(self.bytes.len())).then_some(count)
    }

    /// A zig-zag varint.
    fn signed(&mut self) -> Option<i32> {
        let value = self.varint()?;
        let magnitude = i32::try_from(value >> 1).ok()?;
        Some(if value & 1 == 0 {
            magnitude
        } else {
            -magnitude - 1
        })
    }

    /// A counted list, each item read by `item`, kept for the program's life (the tables are).
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<&'static [T]> {
        let count = self.count()?;
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items.leak())
    }
}

/// The nodes of an encoded table; `None` when the bytes are not one.
fn read(bytes: &'static [u8]) -> Option<&'static [Node]> {
    let mut reader = Reader { bytes, at: 0 };
    // The pool: front-coded, each string the first bytes of the one before it and its own rest.
    let mut previous = "";
    let strings = reader.list(|r| {
        let shared = usize::try_from(r.varint()?).ok()?;
        let len = r.count()?;
        let rest = r.bytes.get(r.at..r.at + len)?;
        r.at += len;
        let mut text = String::with_capacity(shared + len);
        text.push_str(previous.get(..shared)?);
        text.push_str(std::str::from_utf8(rest).ok()?);
        previous = text.leak();
        Some(previous)
    })?;
    let string = |r: &mut Reader| strings.get(usize::try_from(r.varint()?).ok()?).copied();
    let nodes = reader.list(|r| {
        let mask = r.varint()?;
        let has = |field: u32| mask & field != 0;
        let mut node = Node {
            types: r.byte()?,
            ..Node::ANY
        };
        let mut lists = Lists::EMPTY;
        if has(bit::PROPERTIES) {
            // Each name is its distance from the one before (the first from -1).
            let mut next = 0;
            lists.properties = r.list(|r| {
                let number = next + usize::try_from(r.varint()?).ok()?;
                next = number + 1;
                Some((*strings.get(number)?, r.index()?))
            })?;
        }
        if has(bit::FORBID_ADDITIONAL) {
            node.additional = Additional::Forbid;
        }
        if has(bit::MAX_LENGTH) {
            node.max_length = r.varint()?;
        }
        if has(bit::MIN_LENGTH) {
            node.min_length = r.index()?;
        }
        if has(bit::ITEMS) {
            node.items = r.index()?;
        }
        if has(bit::ENUM) {
            lists.enumeration = r.list(string)?;
        }
        if has(bit::MIN_ITEMS) {
            node.min_items = r.index()?;
        }
        if has(bit::MAX_ITEMS) {
            node.max_items = r.index()?;
        }
        node.null_members = has(bit::NULL_MEMBERS);
        if has(bit::REQUIRED) {
            lists.required = r.list(string)?;
        }
        if has(bit::ADDITIONAL) {
            node.additional = Additional::Node(r.index()?);
        }
        if has(bit::MINIMUM) {
            node.minimum = r.signed()?;
        }
        if has(bit::MAXIMUM) {
            node.maximum = r.signed()?;
        }
        if has(bit::MAX_PROPERTIES) {
            node.max_properties = r.index()?;
        }
        if has(bit::PATTERN) {
            node.pattern = *bit::PATTERNS
                .get(usize::try_from(r.varint()?).ok()?)
                .unwrap_or(&Pattern::None);
        }
        if has(bit::ONE_OF) {
            lists.one_of = r.list(Reader::index)?;
        }
        if has(bit::MIN_PROPERTIES) {
            node.min_properties = r.index()?;
        }
        node.enum_null = has(bit::ENUM_NULL);
        if has(bit::PROPERTIES | bit::ENUM | bit::REQUIRED | bit::ONE_OF) {
            node.lists = Box::leak(Box::new(lists));
        }
        Some(node)
    })?;
    (reader.at == bytes.len()).then_some(nodes)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_back() {
        // One node: maxLength 102400, minimum -3, maximum 7, a pattern and an enum of one string.
        let bytes: &'static [u8] = &[
            1, 0, 1, b'x', 1, // the pool: "x"; one node
            0xa4, 0xb0, 0x01,
            16, // mask: MAX_LENGTH | ENUM | MINIMUM | MAXIMUM | PATTERN; STR
            0x80, 0xa0, 0x06, // 102400
            1, 0, // enum ["x"]
            5, 14, // minimum -3, maximum 7
            1,  // pattern 1
        ];
        let mask = bit::MAX_LENGTH | bit::ENUM | bit::MINIMUM | bit::MAXIMUM | bit::PATTERN;
        assert_eq!(mask, 0x5824, "the test's mask bytes");
        let nodes = read(bytes).unwrap();
        assert_eq!(nodes[0].max_length, 102_400);
        assert_eq!((nodes[0].minimum, nodes[0].maximum), (-3, 7));
        assert_eq!(nodes[0].pattern, bit::PATTERNS[1]);
        assert_eq!(nodes[0].lists.enumeration, &["x"]);
        // Cut short or with bytes left over, it is no table.
        assert!(read(&bytes[..bytes.len() - 1]).is_none());
        assert!(read(&[0, 0, 0]).is_none());
    }
}
