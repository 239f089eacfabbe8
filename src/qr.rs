//! The results link as a QR code for the printed report: drawn here, on the
//! page that prints it (the engine only makes the link).

/// `link` as an SVG document, or `None` when it is longer than a QR code holds
/// (2,953 bytes at the lowest error correction: a 76-province link).
pub fn svg(link: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(link.as_bytes(), qrcode::EcLevel::L).ok()?;
    Some(code.render::<svg::Color>().min_dimensions(200, 200).quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_is_an_svg_and_one_too_long_is_none() {
        let link = "https://example.org/otop/#r1.AAAA";
        let drawn = super::svg(link);
        assert!(drawn.as_deref().is_some_and(|s| s.contains("<svg") && s.contains("</svg>")), "{drawn:?}");
        // The longest a QR code holds, and one byte more.
        assert!(super::svg(&"x".repeat(2953)).is_some());
        assert_eq!(super::svg(&"x".repeat(2954)), None);
    }
}
