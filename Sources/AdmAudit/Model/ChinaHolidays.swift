/// Statutory public holidays and make-up working days (调休) in mainland China, from the
/// State Council General Office's yearly notices (国务院办公厅关于XXXX年部分节假日安排的通知),
/// 2020–2026, one notice a year.
///
/// Each notice lists, holiday by holiday, the dates off (放假) and the weekend dates that
/// are working days instead (上班). The dates here are transcribed from the notices'
/// text as published on www.gov.cn, each item quoted above its dates, and checked day by
/// day against two independent tables (fixtures/reference/china_calendar.py).
///
/// - Blocks are listed in full, weekend days inside a block included. Where a notice
///   names one day and says it is taken together with the weekend (与周末连休: 2024's
///   New Year and Dragon Boat Festival), the adjoining weekend is part of the block.
/// - A block that crosses a year boundary is filed under the notice that announces it:
///   the 2023 notice's New Year block starts on 2022-12-31 and the 2024 notice's on
///   2023-12-30, so those December dates are in the 2023 and 2024 notices.
/// - 2020: the State Council General Office extended the Spring Festival holiday to
///   2 February for COVID-19 (国务院办公厅关于延长2020年春节假期的通知, 国办发明电〔2020〕1号,
///   issued 2020-01-26, https://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm).
///   That national extension is folded into the 2020 notice's data: 2020-01-31 to
///   2020-02-02 are days off, and 2020-02-01, a make-up working day in the original
///   notice, is not one. Later provincial delays of the return to work are not covered.
/// - From 2025 the statutory holidays grew from 11 to 13 days (the eve of the Spring
///   Festival and 2 May added) by the State Council's amendment of the 全国年节及纪念日放假办法
///   of November 2024; the 2025 and 2026 notices reflect it (the Spring Festival block
///   starts on or before the eve; Labour Day needs one make-up day fewer).
///
/// Which days off are statutory holidays (法定节假日, worked at 300 % under Labour Law Art. 44)
/// and which are rest days moved around them (调休, 200 %) the notices do not say day by day:
/// `statutoryDays` holds them from the law itself.
///
/// Not covered: holidays for part of the population (Women's Day, Youth Day, Children's Day,
/// Army Day); regional holidays, e.g. of ethnic autonomous areas; Hong Kong, Macao and
/// Taiwan; an employer's own roster; years outside 2020–2026.
public enum ChinaHolidays {
    public struct Notice: Sendable {
        public let year: Int
        /// The notice's title in Chinese, its document number where it has one (国办发明电〔20XX〕N号), and its date of issue.
        public let title: String
        public let documentNumber: String
        /// Date of issue, YYYY-MM-DD.
        public let issued: String
        /// www.gov.cn address of the notice.
        public let url: String
        /// Every date off work in the year's holiday arrangement (each holiday block in full, weekend days inside a block included), ISO YYYY-MM-DD, ascending.
        public let daysOff: [String]
        /// Weekend dates that are working days (调休上班), ISO, ascending.
        public let makeUpWorkdays: [String]
    }

    public static let years: ClosedRange<Int> = 2020...2026

    /// The statutory holidays of each year (法定节假日): the dates Art. 2 of the State Council's
    /// 全国年节及纪念日放假办法 gives every citizen, as in force that year. Until 2024 (the 2013
    /// text, 11 days): New Year's Day (1 January), the Spring Festival (the 1st to 3rd days of
    /// the first lunar month), Qingming (the day of the solar term), Labour Day (1 May), the
    /// Dragon Boat Festival (5th day of the 5th lunar month), the Mid-Autumn Festival (15th day
    /// of the 8th lunar month) and National Day (1 to 3 October). From 2025 (13 days, by the
    /// State Council's decision of November 2024) also the Spring Festival's eve (the last day
    /// of the 12th lunar month) and 2 May.
    /// Lunar dates and Qingming are given here as Gregorian dates, checked against two
    /// independent tables (fixtures/reference/china_statutory_days.py). A date that is two
    /// holidays at once (2020-10-01, National Day and Mid-Autumn) is listed once: the law names
    /// no day in lieu for two holidays on one date, and whether a fourth day was owed 300 % that
    /// year is not settled here (a hostile review raised it; no source was found either way). The 2020
    /// extension of the Spring Festival for COVID-19 added rest days, not statutory holidays.
    /// Every date is a day off in its year's notice (`ChinaHolidaysTests` checks it).
    public static let statutoryDays: [String] = [
        // 2020: 元旦; 春节 (正月初一至初三); 清明; 劳动节; 端午; 国庆 1–3 (中秋 is 10-01 too).
        "2020-01-01", "2020-01-25", "2020-01-26", "2020-01-27", "2020-04-04", "2020-05-01", "2020-06-25",
        "2020-10-01", "2020-10-02", "2020-10-03",
        // 2021: 元旦; 春节; 清明; 劳动节; 端午; 中秋; 国庆 1–3.
        "2021-01-01", "2021-02-12", "2021-02-13", "2021-02-14", "2021-04-04", "2021-05-01", "2021-06-14",
        "2021-09-21", "2021-10-01", "2021-10-02", "2021-10-03",
        // 2022
        "2022-01-01", "2022-02-01", "2022-02-02", "2022-02-03", "2022-04-05", "2022-05-01", "2022-06-03",
        "2022-09-10", "2022-10-01", "2022-10-02", "2022-10-03",
        // 2023
        "2023-01-01", "2023-01-22", "2023-01-23", "2023-01-24", "2023-04-05", "2023-05-01", "2023-06-22",
        "2023-09-29", "2023-10-01", "2023-10-02", "2023-10-03",
        // 2024
        "2024-01-01", "2024-02-10", "2024-02-11", "2024-02-12", "2024-04-04", "2024-05-01", "2024-06-10",
        "2024-09-17", "2024-10-01", "2024-10-02", "2024-10-03",
        // 2025 (13 days): 元旦; 除夕 and 春节; 清明; 劳动节 1–2; 端午; 国庆 1–3; 中秋.
        "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-04", "2025-05-01",
        "2025-05-02", "2025-05-31", "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06",
        // 2026
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-04-05", "2026-05-01",
        "2026-05-02", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-03",
    ]

    public static let notices: [Notice] = [
        Notice(
            year: 2020,
            title: "国务院办公厅关于2020年部分节假日安排的通知",
            documentNumber: "国办发明电〔2019〕16号",
            issued: "2019-11-21",
            url: "https://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm",
            daysOff: [
                // 元旦：2020年1月1日放假，共1天。
                "2020-01-01",
                // 春节：1月24日至30日放假调休，共7天。
                "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27", "2020-01-28", "2020-01-29", "2020-01-30",
                // 国办发明电〔2020〕1号：延长2020年春节假期至2月2日（星期日），2月3日（星期一）起正常上班。
                "2020-01-31", "2020-02-01", "2020-02-02",
                // 清明节：4月4日至6日放假调休，共3天。
                "2020-04-04", "2020-04-05", "2020-04-06",
                // 劳动节：5月1日至5日放假调休，共5天。
                "2020-05-01", "2020-05-02", "2020-05-03", "2020-05-04", "2020-05-05",
                // 端午节：6月25日至27日放假调休，共3天。
                "2020-06-25", "2020-06-26", "2020-06-27",
                // 国庆节、中秋节：10月1日至8日放假调休，共8天。
                "2020-10-01", "2020-10-02", "2020-10-03", "2020-10-04", "2020-10-05", "2020-10-06", "2020-10-07", "2020-10-08",
            ],
            makeUpWorkdays: [
                // 春节：1月19日（星期日）、2月1日（星期六）上班 — 2月1日 became a day off by the extension.
                "2020-01-19",
                // 劳动节：4月26日（星期日）、5月9日（星期六）上班。
                "2020-04-26", "2020-05-09",
                // 端午节：6月28日（星期日）上班。
                "2020-06-28",
                // 国庆节、中秋节：9月27日（星期日）、10月10日（星期六）上班。
                "2020-09-27", "2020-10-10",
            ]
        ),
        Notice(
            year: 2021,
            title: "国务院办公厅关于2021年部分节假日安排的通知",
            documentNumber: "国办发明电〔2020〕27号",
            issued: "2020-11-25",
            url: "https://www.gov.cn/zhengce/content/2020-11/25/content_5564127.htm",
            daysOff: [
                // 元旦：2021年1月1日至3日放假，共3天。
                "2021-01-01", "2021-01-02", "2021-01-03",
                // 春节：2月11日至17日放假调休，共7天。
                "2021-02-11", "2021-02-12", "2021-02-13", "2021-02-14", "2021-02-15", "2021-02-16", "2021-02-17",
                // 清明节：4月3日至5日放假调休，共3天。
                "2021-04-03", "2021-04-04", "2021-04-05",
                // 劳动节：5月1日至5日放假调休，共5天。
                "2021-05-01", "2021-05-02", "2021-05-03", "2021-05-04", "2021-05-05",
                // 端午节：6月12日至14日放假，共3天。
                "2021-06-12", "2021-06-13", "2021-06-14",
                // 中秋节：9月19日至21日放假调休，共3天。
                "2021-09-19", "2021-09-20", "2021-09-21",
                // 国庆节：10月1日至7日放假调休，共7天。
                "2021-10-01", "2021-10-02", "2021-10-03", "2021-10-04", "2021-10-05", "2021-10-06", "2021-10-07",
            ],
            makeUpWorkdays: [
                // 春节：2月7日（星期日）、2月20日（星期六）上班。
                "2021-02-07", "2021-02-20",
                // 劳动节：4月25日（星期日）、5月8日（星期六）上班。
                "2021-04-25", "2021-05-08",
                // 中秋节：9月18日（星期六）上班。国庆节：9月26日（星期日）、10月9日（星期六）上班。
                "2021-09-18", "2021-09-26", "2021-10-09",
            ]
        ),
        Notice(
            year: 2022,
            title: "国务院办公厅关于2022年部分节假日安排的通知",
            documentNumber: "国办发明电〔2021〕11号",
            issued: "2021-10-25",
            url: "https://www.gov.cn/zhengce/content/2021-10/25/content_5644835.htm",
            daysOff: [
                // 元旦：2022年1月1日至3日放假，共3天。
                "2022-01-01", "2022-01-02", "2022-01-03",
                // 春节：1月31日至2月6日放假调休，共7天。
                "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04", "2022-02-05", "2022-02-06",
                // 清明节：4月3日至5日放假调休，共3天。
                "2022-04-03", "2022-04-04", "2022-04-05",
                // 劳动节：4月30日至5月4日放假调休，共5天。
                "2022-04-30", "2022-05-01", "2022-05-02", "2022-05-03", "2022-05-04",
                // 端午节：6月3日至5日放假，共3天。
                "2022-06-03", "2022-06-04", "2022-06-05",
                // 中秋节：9月10日至12日放假，共3天。
                "2022-09-10", "2022-09-11", "2022-09-12",
                // 国庆节：10月1日至7日放假调休，共7天。
                "2022-10-01", "2022-10-02", "2022-10-03", "2022-10-04", "2022-10-05", "2022-10-06", "2022-10-07",
            ],
            makeUpWorkdays: [
                // 春节：1月29日（星期六）、1月30日（星期日）上班。
                "2022-01-29", "2022-01-30",
                // 清明节：4月2日（星期六）上班。
                "2022-04-02",
                // 劳动节：4月24日（星期日）、5月7日（星期六）上班。
                "2022-04-24", "2022-05-07",
                // 国庆节：10月8日（星期六）、10月9日（星期日）上班。
                "2022-10-08", "2022-10-09",
            ]
        ),
        Notice(
            year: 2023,
            title: "国务院办公厅关于2023年部分节假日安排的通知",
            documentNumber: "国办发明电〔2022〕16号",
            issued: "2022-12-08",
            url: "https://www.gov.cn/zhengce/content/2022-12/08/content_5730844.htm",
            daysOff: [
                // 元旦：2022年12月31日至2023年1月2日放假调休，共3天。
                "2022-12-31", "2023-01-01", "2023-01-02",
                // 春节：1月21日至27日放假调休，共7天。
                "2023-01-21", "2023-01-22", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26", "2023-01-27",
                // 清明节：4月5日放假，共1天。
                "2023-04-05",
                // 劳动节：4月29日至5月3日放假调休，共5天。
                "2023-04-29", "2023-04-30", "2023-05-01", "2023-05-02", "2023-05-03",
                // 端午节：6月22日至24日放假调休，共3天。
                "2023-06-22", "2023-06-23", "2023-06-24",
                // 中秋节、国庆节：9月29日至10月6日放假调休，共8天。
                "2023-09-29", "2023-09-30", "2023-10-01", "2023-10-02", "2023-10-03", "2023-10-04", "2023-10-05", "2023-10-06",
            ],
            makeUpWorkdays: [
                // 春节：1月28日（星期六）、1月29日（星期日）上班。
                "2023-01-28", "2023-01-29",
                // 劳动节：4月23日（星期日）、5月6日（星期六）上班。
                "2023-04-23", "2023-05-06",
                // 端午节：6月25日（星期日）上班。
                "2023-06-25",
                // 中秋节、国庆节：10月7日（星期六）、10月8日（星期日）上班。
                "2023-10-07", "2023-10-08",
            ]
        ),
        Notice(
            year: 2024,
            title: "国务院办公厅关于2024年部分节假日安排的通知",
            documentNumber: "国办发明电〔2023〕7号",
            issued: "2023-10-25",
            url: "https://www.gov.cn/zhengce/content/202310/content_6911527.htm",
            daysOff: [
                // 元旦：1月1日放假，与周末连休 — with Saturday and Sunday 2023-12-30/31.
                "2023-12-30", "2023-12-31", "2024-01-01",
                // 春节：2月10日至17日放假调休，共8天。
                "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", "2024-02-17",
                // 清明节：4月4日至6日放假调休，共3天。
                "2024-04-04", "2024-04-05", "2024-04-06",
                // 劳动节：5月1日至5日放假调休，共5天。
                "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05",
                // 端午节：6月10日放假，与周末连休 — with Saturday and Sunday 06-08/09.
                "2024-06-08", "2024-06-09", "2024-06-10",
                // 中秋节：9月15日至17日放假调休，共3天。
                "2024-09-15", "2024-09-16", "2024-09-17",
                // 国庆节：10月1日至7日放假调休，共7天。
                "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07",
            ],
            makeUpWorkdays: [
                // 春节：2月4日（星期日）、2月18日（星期日）上班。
                "2024-02-04", "2024-02-18",
                // 清明节：4月7日（星期日）上班。
                "2024-04-07",
                // 劳动节：4月28日（星期日）、5月11日（星期六）上班。
                "2024-04-28", "2024-05-11",
                // 中秋节：9月14日（星期六）上班。国庆节：9月29日（星期日）、10月12日（星期六）上班。
                "2024-09-14", "2024-09-29", "2024-10-12",
            ]
        ),
        Notice(
            year: 2025,
            title: "国务院办公厅关于2025年部分节假日安排的通知",
            documentNumber: "国办发明电〔2024〕12号",
            issued: "2024-11-12",
            url: "https://www.gov.cn/zhengce/content/202411/content_6986382.htm",
            daysOff: [
                // 元旦：1月1日（周三）放假1天，不调休。
                "2025-01-01",
                // 春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
                "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04",
                // 清明节：4月4日（周五）至6日（周日）放假，共3天。
                "2025-04-04", "2025-04-05", "2025-04-06",
                // 劳动节：5月1日（周四）至5日（周一）放假调休，共5天。
                "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05",
                // 端午节：5月31日（周六）至6月2日（周一）放假，共3天。
                "2025-05-31", "2025-06-01", "2025-06-02",
                // 国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。
                "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08",
            ],
            makeUpWorkdays: [
                // 春节：1月26日（周日）、2月8日（周六）上班。
                "2025-01-26", "2025-02-08",
                // 劳动节：4月27日（周日）上班。
                "2025-04-27",
                // 国庆节、中秋节：9月28日（周日）、10月11日（周六）上班。
                "2025-09-28", "2025-10-11",
            ]
        ),
        Notice(
            year: 2026,
            title: "国务院办公厅关于2026年部分节假日安排的通知",
            documentNumber: "国办发明电〔2025〕7号",
            issued: "2025-11-04",
            url: "https://www.gov.cn/zhengce/content/202511/content_7047090.htm",
            daysOff: [
                // 元旦：1月1日（周四）至3日（周六）放假调休，共3天。
                "2026-01-01", "2026-01-02", "2026-01-03",
                // 春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
                "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
                "2026-02-22", "2026-02-23",
                // 清明节：4月4日（周六）至6日（周一）放假，共3天。
                "2026-04-04", "2026-04-05", "2026-04-06",
                // 劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
                "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
                // 端午节：6月19日（周五）至21日（周日）放假，共3天。
                "2026-06-19", "2026-06-20", "2026-06-21",
                // 中秋节：9月25日（周五）至27日（周日）放假，共3天。
                "2026-09-25", "2026-09-26", "2026-09-27",
                // 国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
                "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
            ],
            makeUpWorkdays: [
                // 元旦：1月4日（周日）上班。
                "2026-01-04",
                // 春节：2月14日（周六）、2月28日（周六）上班。
                "2026-02-14", "2026-02-28",
                // 劳动节：5月9日（周六）上班。
                "2026-05-09",
                // 国庆节：9月20日（周日）、10月10日（周六）上班。
                "2026-09-20", "2026-10-10",
            ]
        ),
    ]
}
