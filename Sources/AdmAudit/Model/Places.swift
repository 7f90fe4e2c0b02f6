/// Countries and cities as exports name them, with their jurisdiction code and time zone:
/// a site or country column says where each decision was made, so which law applies and
/// what its local times mean.
///
/// Codes are those the legal bases use: `CN`, the EU member states' ISO codes (EU law
/// covers them), `US`, `US-NYC`, `AU`, `GB`, and others by their ISO codes. A country
/// spanning several zones (the United States, Australia) has no zone of its own; its cities
/// do. Hong Kong, Macao and Taiwan are places of their own (`HK`, `MO`, `TW`), not `CN`:
/// mainland labour law does not apply there.
public enum Places {
    public struct Place: Sendable, Equatable {
        public var jurisdiction: String
        /// IANA zone, when the place has one.
        public var timeZone: String?
    }

    private static let table: [(Place, [String])] = [
        (Place(jurisdiction: "CN", timeZone: "Asia/Shanghai"), [
            "cn", "chn", "china", "prc", "mainland china", "people's republic of china", "中国", "中国大陆", "中华人民共和国", "大陆", "内地",
            "北京", "上海", "深圳", "广州", "杭州", "武汉", "成都", "南京", "苏州", "天津", "重庆", "西安", "长沙", "郑州", "青岛", "东莞",
            "佛山", "厦门", "合肥", "宁波", "无锡", "济南", "沈阳", "大连", "昆明", "福州", "哈尔滨", "长春", "南昌", "石家庄", "太原",
            "贵阳", "南宁", "乌鲁木齐", "兰州", "呼和浩特", "海口", "拉萨", "银川", "西宁", "珠海", "惠州", "中山", "昆山", "常州", "嘉兴",
            "温州", "义乌", "烟台", "潍坊", "徐州", "南通", "扬州", "泉州", "漳州", "洛阳", "襄阳", "宜昌", "芜湖", "绍兴", "台州", "金华",
            "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou", "wuhan", "chengdu", "nanjing", "suzhou", "tianjin", "chongqing",
            "xi'an", "xian", "changsha", "zhengzhou", "qingdao", "dongguan", "foshan", "xiamen", "hefei", "ningbo", "wuxi", "jinan",
            "shenyang", "dalian", "kunming", "fuzhou", "harbin", "zhuhai",
        ]),
        (Place(jurisdiction: "DE", timeZone: "Europe/Berlin"), ["de", "deu", "germany", "deutschland", "德国", "berlin", "munich", "münchen",
                                                                "frankfurt", "hamburg", "cologne", "köln", "stuttgart", "düsseldorf",
                                                                "leipzig", "dortmund", "essen", "duisburg", "bremen", "hannover",
                                                                "nuremberg", "nürnberg", "dresden", "bielefeld", "bochum", "erfurt",
                                                                "kassel", "柏林", "慕尼黑", "法兰克福", "汉堡"]),
        (Place(jurisdiction: "FR", timeZone: "Europe/Paris"), ["fr", "fra", "france", "法国", "paris", "lyon", "marseille", "toulouse",
                                                               "lille", "巴黎", "里昂"]),
        (Place(jurisdiction: "NL", timeZone: "Europe/Amsterdam"), ["nl", "nld", "netherlands", "the netherlands", "holland", "荷兰",
                                                                   "amsterdam", "rotterdam", "utrecht", "the hague", "eindhoven",
                                                                   // Logistics hubs, where warehouse exports name their sites.
                                                                   "tilburg", "venlo", "breda", "nijmegen", "venray", "roosendaal",
                                                                   "zwolle", "almere", "groningen", "schiphol", "waalwijk",
                                                                   "阿姆斯特丹", "鹿特丹"]),
        (Place(jurisdiction: "IE", timeZone: "Europe/Dublin"), ["ie", "irl", "ireland", "éire", "爱尔兰", "dublin", "cork", "galway",
                                                                "limerick", "都柏林"]),
        (Place(jurisdiction: "ES", timeZone: "Europe/Madrid"), ["es", "esp", "spain", "españa", "西班牙", "madrid", "barcelona",
                                                                "valencia", "seville", "马德里", "巴塞罗那"]),
        (Place(jurisdiction: "IT", timeZone: "Europe/Rome"), ["it", "ita", "italy", "italia", "意大利", "rome", "roma", "milan", "milano",
                                                              "turin", "naples", "罗马", "米兰"]),
        (Place(jurisdiction: "PL", timeZone: "Europe/Warsaw"), ["pl", "pol", "poland", "polska", "波兰", "warsaw", "kraków", "krakow",
                                                                "wrocław", "wroclaw", "poznań", "poznan", "gdańsk", "gdansk", "华沙"]),
        (Place(jurisdiction: "BE", timeZone: "Europe/Brussels"), ["be", "bel", "belgium", "比利时", "brussels", "antwerp", "ghent",
                                                                  "布鲁塞尔"]),
        (Place(jurisdiction: "AT", timeZone: "Europe/Vienna"), ["at", "aut", "austria", "österreich", "奥地利", "vienna", "wien", "维也纳"]),
        (Place(jurisdiction: "SE", timeZone: "Europe/Stockholm"), ["se", "swe", "sweden", "瑞典", "stockholm", "gothenburg", "斯德哥尔摩"]),
        (Place(jurisdiction: "DK", timeZone: "Europe/Copenhagen"), ["dk", "dnk", "denmark", "丹麦", "copenhagen", "哥本哈根"]),
        (Place(jurisdiction: "FI", timeZone: "Europe/Helsinki"), ["fi", "fin", "finland", "芬兰", "helsinki", "赫尔辛基"]),
        (Place(jurisdiction: "PT", timeZone: "Europe/Lisbon"), ["pt", "prt", "portugal", "葡萄牙", "lisbon", "lisboa", "porto", "里斯本"]),
        (Place(jurisdiction: "CZ", timeZone: "Europe/Prague"), ["cz", "cze", "czechia", "czech republic", "捷克", "prague", "praha",
                                                                "brno", "布拉格"]),
        (Place(jurisdiction: "HU", timeZone: "Europe/Budapest"), ["hu", "hun", "hungary", "匈牙利", "budapest", "布达佩斯"]),
        (Place(jurisdiction: "RO", timeZone: "Europe/Bucharest"), ["ro", "rou", "romania", "罗马尼亚", "bucharest", "布加勒斯特"]),
        (Place(jurisdiction: "GR", timeZone: "Europe/Athens"), ["gr", "grc", "greece", "希腊", "athens", "雅典"]),
        (Place(jurisdiction: "LU", timeZone: "Europe/Luxembourg"), ["lu", "lux", "luxembourg", "卢森堡"]),
        (Place(jurisdiction: "SK", timeZone: "Europe/Bratislava"), ["sk", "svk", "slovakia", "斯洛伐克", "bratislava"]),
        (Place(jurisdiction: "SI", timeZone: "Europe/Ljubljana"), ["si", "svn", "slovenia", "斯洛文尼亚", "ljubljana"]),
        (Place(jurisdiction: "HR", timeZone: "Europe/Zagreb"), ["hr", "hrv", "croatia", "克罗地亚", "zagreb"]),
        (Place(jurisdiction: "BG", timeZone: "Europe/Sofia"), ["bg", "bgr", "bulgaria", "保加利亚", "sofia"]),
        (Place(jurisdiction: "LT", timeZone: "Europe/Vilnius"), ["lt", "ltu", "lithuania", "立陶宛", "vilnius"]),
        (Place(jurisdiction: "LV", timeZone: "Europe/Riga"), ["lv", "lva", "latvia", "拉脱维亚", "riga"]),
        (Place(jurisdiction: "EE", timeZone: "Europe/Tallinn"), ["ee", "est", "estonia", "爱沙尼亚", "tallinn"]),
        (Place(jurisdiction: "MT", timeZone: "Europe/Malta"), ["mt", "mlt", "malta", "马耳他", "valletta"]),
        (Place(jurisdiction: "CY", timeZone: "Asia/Nicosia"), ["cy", "cyp", "cyprus", "塞浦路斯", "nicosia"]),
        (Place(jurisdiction: "US-NYC", timeZone: "America/New_York"), ["us-nyc", "nyc", "new york", "new york city", "new york, ny",
                                                                      "manhattan", "brooklyn", "queens", "the bronx", "bronx",
                                                                      "staten island", "纽约", "纽约市",
                                                                      // Neighbourhoods exports name instead of their borough.
                                                                      "long island city", "astoria", "flushing", "harlem", "midtown",
                                                                      "lower manhattan", "downtown brooklyn", "williamsburg, ny",
                                                                      "bushwick", "greenpoint", "red hook", "sunset park", "hudson yards",
                                                                      "chelsea, ny", "tribeca", "soho, ny", "jackson heights",
                                                                      "jamaica, ny", "jamaica, queens", "forest hills", "bay ridge"]),
        (Place(jurisdiction: "US", timeZone: "America/New_York"), ["boston", "washington dc", "washington, dc", "atlanta", "miami",
                                                                   "philadelphia", "newark", "jersey city", "charlotte", "detroit",
                                                                   "pittsburgh", "baltimore", "orlando", "波士顿", "华盛顿"]),
        (Place(jurisdiction: "US", timeZone: "America/Chicago"), ["chicago", "dallas", "houston", "austin", "minneapolis", "nashville",
                                                                  "st. louis", "kansas city", "new orleans", "芝加哥", "达拉斯", "休斯顿"]),
        (Place(jurisdiction: "US", timeZone: "America/Denver"), ["denver", "salt lake city"]),
        (Place(jurisdiction: "US", timeZone: "America/Phoenix"), ["phoenix"]),
        (Place(jurisdiction: "US", timeZone: "America/Los_Angeles"), ["los angeles", "san francisco", "seattle", "san diego", "san jose",
                                                                      "portland", "las vegas", "oakland", "洛杉矶", "旧金山", "西雅图"]),
        (Place(jurisdiction: "US", timeZone: nil), ["us", "usa", "united states", "united states of america", "america", "美国"]),
        (Place(jurisdiction: "GB", timeZone: "Europe/London"), ["gb", "gbr", "uk", "united kingdom", "great britain", "england", "scotland",
                                                                "wales", "英国", "london", "manchester", "birmingham", "edinburgh",
                                                                "glasgow", "伦敦"]),
        (Place(jurisdiction: "AU", timeZone: "Australia/Sydney"), ["sydney", "melbourne", "canberra", "brisbane", "悉尼", "墨尔本"]),
        (Place(jurisdiction: "AU", timeZone: "Australia/Perth"), ["perth"]),
        (Place(jurisdiction: "AU", timeZone: nil), ["au", "aus", "australia", "澳大利亚", "澳洲"]),
        // Their own law, not the mainland's: a decision there is judged by no mainland rule.
        (Place(jurisdiction: "HK", timeZone: "Asia/Hong_Kong"), ["hk", "hkg", "hong kong", "hongkong", "香港", "香港特别行政区", "九龙", "kowloon"]),
        (Place(jurisdiction: "MO", timeZone: "Asia/Macau"), ["mo", "mac", "macao", "macau", "澳门"]),
        (Place(jurisdiction: "TW", timeZone: "Asia/Taipei"), ["tw", "twn", "taiwan", "台湾", "台北", "taipei"]),
        (Place(jurisdiction: "SG", timeZone: "Asia/Singapore"), ["sg", "sgp", "singapore", "新加坡"]),
        (Place(jurisdiction: "JP", timeZone: "Asia/Tokyo"), ["jp", "jpn", "japan", "日本", "tokyo", "东京", "osaka", "大阪"]),
    ]

    private static let names: [String: Int] = {
        var names: [String: Int] = [:]
        for (index, (_, spellings)) in table.enumerated() {
            for spelling in spellings where names[MeaningText.normalize(spelling)] == nil { names[MeaningText.normalize(spelling)] = index }
        }
        return names
    }()

    private static let keywords = KeywordIndex(table.enumerated().map { (Int32($0.offset), $0.element.1) })

    /// The place a value names: exactly (`Berlin`, `DE`, `深圳`), a city inside a longer name
    /// (`深圳总部`, `Berlin Office`), or an American city by its state (`MDW4 Joliet, IL`);
    /// two-letter codes only exactly.
    public static func place(_ text: String) -> Place? {
        let normalized = MeaningText.normalize(text)
        if normalized.isEmpty { return nil }
        if let index = names[normalized] { return table[index].0 }
        // `Dublin, OH` is in Ohio: a state after a comma names the place before any city does
        // (New York City's boroughs stay New York City's).
        if let state = americanState(normalized) {
            if case .found(let match) = keywords.best(in: Array(normalized.unicodeScalars)), table[Int(match.code)].0.jurisdiction == "US-NYC",
               normalized.hasSuffix(", ny") {
                return table[Int(match.code)].0
            }
            return state
        }
        if case .found(let match) = keywords.best(in: Array(normalized.unicodeScalars)) { return table[Int(match.code)].0 }
        return nil
    }

    /// `…, IL` or `… IL 60431`: a US state's postal code after a comma, with its main zone.
    private static func americanState(_ normalized: String) -> Place? {
        guard let comma = normalized.lastIndex(of: ",") else { return nil }
        let rest = normalized[normalized.index(after: comma)...].split(separator: " ")
        guard let code = rest.first, code.count == 2, rest.count <= 2, let zone = stateZones[String(code)] else { return nil }
        return Place(jurisdiction: "US", timeZone: zone)
    }

    private static let stateZones: [String: String] = {
        var zones: [String: String] = [:]
        for code in ["ct", "de", "dc", "ga", "me", "md", "ma", "nh", "nj", "ny", "nc", "oh", "pa", "ri", "sc", "vt", "va", "wv", "mi", "fl"] {
            zones[code] = "America/New_York"
        }
        for code in ["al", "ar", "il", "ia", "ks", "la", "mn", "ms", "mo", "ne", "ok", "tn", "tx", "wi", "nd", "sd"] { zones[code] = "America/Chicago" }
        for code in ["co", "mt", "nm", "ut", "wy", "id"] { zones[code] = "America/Denver" }
        zones["az"] = "America/Phoenix"
        for code in ["ca", "nv", "or", "wa"] { zones[code] = "America/Los_Angeles" }
        zones["ak"] = "America/Anchorage"
        zones["hi"] = "Pacific/Honolulu"
        zones["in"] = "America/Indiana/Indianapolis"
        zones["ky"] = "America/New_York"
        return zones
    }()

    /// The jurisdiction code of a country, city or code; nil when the value names no place known here.
    public static func jurisdiction(of text: String) -> String? { place(text)?.jurisdiction }
}
