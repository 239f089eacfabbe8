//! The catalogue's codes: one per kind of issue, each with its stable text (the
//! `code` of SPEC §9's ISSUE object) and its severity.

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident;)*) => {
        /// Every kind of issue the engine reports. Behaviour that depends on the
        /// kind of an issue matches on this enum, never on message text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(
                #[doc = concat!("`", $text, "`")]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in catalogue order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable text, e.g. `"report.amphoe.unknown"`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// How bad an issue of this kind is.
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    FileEmpty = "file.empty", Error;
    FileTooLarge = "file.too_large", Error;
    FilePartTooLarge = "file.part_too_large", Error;
    FilePassword = "file.password", Error;
    FileNotSpreadsheet = "file.not_spreadsheet", Error;
    FileFormatUnsupported = "file.format_unsupported", Error;
    FileDamaged = "file.damaged", Error;
    FileUnreadable = "file.unreadable", Error;
    FileNoAnswer = "file.no_answer", Error;
    FileNoReader = "file.no_reader", Error;
    FileOtherReader = "file.other_reader", Error;
    FileSheetUnreadable = "file.sheet_unreadable", Warning;
    FileSheetTooLarge = "file.sheet_too_large", Error;
    ReportColumnMissing = "report.column.missing", Error;
    ReportFormDiffers = "report.form.differs", Warning;
    ReportNoReportSheet = "report.no_report_sheet", Error;
    ReportFormulaError = "report.formula_error", Error;
    ReportProductNameMissing = "report.product_name.missing", Error;
    ReportEntrepreneurMissing = "report.entrepreneur.missing", Warning;
    ReportFlagUnclear = "report.flag.unclear", Warning;
    ReportOnlineSalesFormulaError = "report.online_sales.formula_error", Error;
    ReportOnlineSalesNotAmount = "report.online_sales.not_amount", Warning;
    ReportAmphoeMissing = "report.amphoe.missing", Error;
    ReportAmphoeUnknown = "report.amphoe.unknown", Error;
    ReportAmphoeOtherProvince = "report.amphoe.other_province", Error;
    ReportProvinceUnknown = "report.province.unknown", Error;
    ReportProvinceMissing = "report.province.missing", Error;
    ReportProvinceSeveral = "report.province.several", Error;
    ReportTambonOtherDistrict = "report.tambon.other_district", Warning;
    ReportDuplicate = "report.duplicate", Warning;
    ReportRound1 = "report.round1", Warning;
    ReportChannelMarkOnly = "report.channel.mark_only", Warning;
    SalesNoSalesSheet = "sales.no_sales_sheet", Error;
    SalesFormulaError = "sales.formula_error", Error;
    SalesNotAmount = "sales.not_amount", Error;
    SalesMonthUnreadable = "sales.month.unreadable", Error;
    SalesRepeatedRow = "sales.repeated_row", Warning;
    SalesAmphoeUnknown = "sales.amphoe.unknown", Error;
    SalesProvinceUnknown = "sales.province.unknown", Error;
    SalesOutsideWindow = "sales.outside_window", Warning;
    SalesDistrictMissing = "sales.district.missing", Warning;
    SalesMonthMissing = "sales.month.missing", Warning;
    SalesBaseReplaced = "sales.base_replaced", Warning;
    SalesOutlier = "sales.outlier", Warning;
    PresetJsonInvalid = "preset.json.invalid", Error;
    PresetDistrictsEmpty = "preset.districts.empty", Error;
    PresetDistrictNameEmpty = "preset.district.name_empty", Error;
    PresetDistrictNameDuplicate = "preset.district.name_duplicate", Error;
    PresetDistrictEntrepreneursNotPositive = "preset.district.entrepreneurs_not_positive", Error;
    PresetDistrictProductsNotPositive = "preset.district.products_not_positive", Error;
    PresetDistrictBaseNotPositive = "preset.district.base_not_positive", Error;
    PresetKpi1ThresholdsOrder = "preset.kpi1.thresholds_order", Error;
    PresetKpi2ThresholdsOrder = "preset.kpi2.thresholds_order", Error;
    PresetWindowEmpty = "preset.window.empty", Error;
    PresetWindowMonth = "preset.window.month", Error;
    PresetOutlierEntrepreneurs = "preset.outlier.entrepreneurs", Warning;
    PresetOutlierProducts = "preset.outlier.products", Warning;
    PresetOutlierBase = "preset.outlier.base", Warning;
    SettingsInput = "settings.input", Error;
    TargetsNotFound = "targets.not_found", Error;
    TargetsPrintedDiffers = "targets.printed_differs", Warning;
    TargetsSumDiffers = "targets.sum_differs", Error;
    TargetsDistrictTwice = "targets.district_twice", Error;
    TargetsProvinceTwice = "targets.province_twice", Error;
    TargetsNoTotal = "targets.no_total", Warning;
    TargetsTotalUnreadable = "targets.total_unreadable", Warning;
    TargetsDistrictNotOfProvince = "targets.district_not_of_province", Warning;
    TargetsProvinceUnusable = "targets.province_unusable", Error;
}

impl Code {
    /// Whether the issue flags a figure far from the other districts' (SPEC §2).
    pub fn is_outlier(self) -> bool {
        matches!(
            self,
            Code::SalesOutlier
                | Code::PresetOutlierEntrepreneurs
                | Code::PresetOutlierProducts
                | Code::PresetOutlierBase
        )
    }

    /// The code of a stable text, e.g. from a saved issue list.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let text = String::deserialize(d)?;
        Code::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown issue code {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unique_and_parse_back() {
        for (i, c) in Code::ALL.iter().enumerate() {
            assert_eq!(Code::parse(c.as_str()), Some(*c));
            assert!(Code::ALL[..i].iter().all(|o| o.as_str() != c.as_str()), "{c} twice");
        }
        assert_eq!(Code::parse("nope"), None);
    }
}
