//! Memory the readers take for hostile XML, counted by a global allocator:
//! the most bytes allocated at once while `read` runs, beyond the input.
//! One test in this file, so no other test allocates while it counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The most bytes allocated at once while `read(text)` ran, beyond what was
/// allocated before it, and whether it read the file.
fn peak_of_read(text: &str) -> (usize, bool) {
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let ok = excerpt_tm::read(text).is_ok();
    (PEAK.load(Ordering::Relaxed) - base, ok)
}

const XLIFF_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" srcLang=\"en\" trgLang=\"de\">\
    <file id=\"f1\"";

fn xliff(file_attrs: &str, inside_file: &str) -> String {
    xliff_with_target(file_attrs, "Eins.", inside_file)
}

fn xliff_with_target(file_attrs: &str, target: &str, inside_file: &str) -> String {
    format!(
        "{XLIFF_HEAD}{file_attrs}><unit id=\"p1.s1\"><segment><source>One.</source>\
         <target>{target}</target></segment></unit>{inside_file}</file></xliff>\n"
    )
}

/// `n` units of one short segment each.
fn units(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "<unit id=\"u{i}\"><segment id=\"p{i}.s1\"><source>A short sentence.</source>\
                 <target>Ein kurzer Satz.</target></segment></unit>\n"
            )
        })
        .collect()
}

/// Each case: what it is, the file, whether it reads, and the most bytes
/// its read may allocate at once per byte of input. The element tree keeps
/// 8 bytes per element, so 4-byte `<x/>` elements take twice the input;
/// the units (ids and targets) are what the reader returns.
#[test]
fn hostile_xml_takes_memory_in_proportion_to_the_input() {
    let mb = 1 << 20;
    let cases = [
        (
            "a 50 MB attribute",
            xliff(&format!(" x=\"{}\"", "a".repeat(50 * mb)), ""),
            true,
            2.0,
        ),
        (
            "a 50 MB attribute of references",
            xliff(&format!(" x=\"{}\"", "&amp;".repeat(10 * mb)), ""),
            true,
            2.0,
        ),
        (
            "100,000 nested elements",
            xliff(
                "",
                &format!("{}{}", "<g>".repeat(100_000), "</g>".repeat(100_000)),
            ),
            false,
            2.0,
        ),
        (
            "10 MB of one text",
            xliff("", &format!("<note>{}</note>", "a".repeat(10 * mb))),
            true,
            2.0,
        ),
        (
            "2 million <x/> in one target",
            xliff_with_target("", &format!("Eins.{}", "<x/>".repeat(2_000_000)), ""),
            true,
            2.5,
        ),
        (
            "2 million <x/> in <file>",
            xliff("", &"<x/>".repeat(2_000_000)),
            true,
            2.5,
        ),
        (
            "100,000 units of one segment",
            xliff("", &units(100_000)),
            true,
            2.5,
        ),
    ];
    for (what, text, reads, most) in cases {
        let (peak, ok) = peak_of_read(&text);
        assert_eq!(ok, reads, "{what}");
        eprintln!(
            "{what}: input {} bytes, at most {peak} bytes more while read ({:.2}x)",
            text.len(),
            peak as f64 / text.len() as f64
        );
        assert!(
            peak as f64 <= most * text.len() as f64,
            "{what}: {peak} bytes allocated at once for {} bytes of input",
            text.len()
        );
    }
}
