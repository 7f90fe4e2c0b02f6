import Foundation

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
            // Provinces and regions, so that a site inside one (`江苏溧阳`, `四川宜宾基地`) is read.
            "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东",
            "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "内蒙古", "广西", "西藏", "宁夏", "新疆",
            // More cities where factories and warehouses stand.
            "宁德", "宜宾", "溧阳", "常熟", "张家港", "江阴", "太仓", "肇庆", "江门", "湛江", "汕头", "揭阳", "柳州", "桂林", "绵阳",
            "德阳", "遵义", "赣州", "九江", "株洲", "岳阳", "衡阳", "荆州", "十堰", "邯郸", "保定", "唐山", "廊坊", "沧州", "秦皇岛",
            "威海", "日照", "临沂", "淄博", "济宁", "泰安", "聊城", "菏泽", "枣庄", "东营", "滨州", "盐城", "淮安", "连云港", "宿迁",
            "泰州", "镇江", "湖州", "舟山", "丽水", "衢州", "马鞍山", "滁州", "蚌埠", "阜阳", "安庆", "鞍山", "抚顺", "营口", "大庆",
            "齐齐哈尔", "包头", "鄂尔多斯", "榆林", "宝鸡", "咸阳", "莆田", "龙岩", "三明", "南平", "清远", "韶关", "梅州", "茂名",
            "beijing", "shanghai", "shenzhen", "guangzhou", "hangzhou", "wuhan", "chengdu", "nanjing", "suzhou", "tianjin", "chongqing",
            "xi'an", "xian", "changsha", "zhengzhou", "qingdao", "dongguan", "foshan", "xiamen", "hefei", "ningbo", "wuxi", "jinan",
            "shenyang", "dalian", "kunming", "fuzhou", "harbin", "zhuhai", "kunshan", "ningde", "yibin", "changzhou", "nantong", "zhongshan",
            "huizhou", "jiaxing", "shaoxing", "yantai", "weifang", "xuzhou", "quanzhou", "jiangsu", "zhejiang", "guangdong", "sichuan",
        ]),
        (Place(jurisdiction: "DE", timeZone: "Europe/Berlin"), ["de", "deu", "germany", "deutschland", "德国", "berlin", "munich", "münchen",
                                                                "frankfurt", "hamburg", "cologne", "köln", "stuttgart", "düsseldorf",
                                                                "leipzig", "dortmund", "essen", "duisburg", "bremen", "hannover",
                                                                "nuremberg", "nürnberg", "dresden", "bielefeld", "bochum", "erfurt",
                                                                "kassel", "mannheim", "karlsruhe", "augsburg", "wiesbaden", "mainz",
                                                                "柏林", "慕尼黑", "法兰克福", "汉堡"]),
        (Place(jurisdiction: "FR", timeZone: "Europe/Paris"), ["fr", "fra", "france", "法国", "paris", "lyon", "marseille", "toulouse",
                                                               "lille", "nantes", "strasbourg", "bordeaux", "巴黎", "里昂"]),
        (Place(jurisdiction: "NL", timeZone: "Europe/Amsterdam"), ["nl", "nld", "netherlands", "the netherlands", "holland", "荷兰",
                                                                   "amsterdam", "rotterdam", "utrecht", "the hague", "eindhoven",
                                                                   // Logistics hubs, where warehouse exports name their sites.
                                                                   "tilburg", "venlo", "breda", "nijmegen", "venray", "roosendaal",
                                                                   "zwolle", "almere", "groningen", "schiphol", "waalwijk", "den haag",
                                                                   "'s-hertogenbosch", "den bosch", "arnhem", "maastricht",
                                                                   "阿姆斯特丹", "鹿特丹"]),
        (Place(jurisdiction: "IE", timeZone: "Europe/Dublin"), ["ie", "irl", "ireland", "éire", "爱尔兰", "dublin", "cork", "galway",
                                                                "limerick", "都柏林"]),
        (Place(jurisdiction: "ES", timeZone: "Europe/Madrid"), ["es", "esp", "spain", "españa", "西班牙", "madrid", "barcelona",
                                                                "valencia", "seville", "sevilla", "zaragoza", "bilbao", "málaga", "马德里",
                                                                "巴塞罗那"]),
        (Place(jurisdiction: "IT", timeZone: "Europe/Rome"), ["it", "ita", "italy", "italia", "意大利", "rome", "roma", "milan", "milano",
                                                              "turin", "torino", "naples", "napoli", "bologna", "florence", "firenze",
                                                              "genoa", "genova", "罗马", "米兰"]),
        (Place(jurisdiction: "PL", timeZone: "Europe/Warsaw"), ["pl", "pol", "poland", "polska", "波兰", "warsaw", "kraków", "krakow",
                                                                "wrocław", "wroclaw", "poznań", "poznan", "gdańsk", "gdansk", "warszawa",
                                                                "łódź", "lodz", "katowice", "szczecin", "华沙"]),
        (Place(jurisdiction: "BE", timeZone: "Europe/Brussels"), ["be", "bel", "belgium", "belgië", "belgique", "比利时", "brussels",
                                                                  "bruxelles", "brussel", "antwerp", "antwerpen", "anvers", "ghent",
                                                                  "liège", "liege",
                                                                  "布鲁塞尔"]),
        (Place(jurisdiction: "AT", timeZone: "Europe/Vienna"), ["at", "aut", "austria", "österreich", "奥地利", "vienna", "wien", "graz", "linz", "salzburg", "维也纳"]),
        (Place(jurisdiction: "SE", timeZone: "Europe/Stockholm"), ["se", "swe", "sweden", "瑞典", "sverige", "stockholm", "gothenburg", "göteborg", "malmö", "斯德哥尔摩"]),
        (Place(jurisdiction: "DK", timeZone: "Europe/Copenhagen"), ["dk", "dnk", "denmark", "丹麦", "danmark", "copenhagen", "københavn", "aarhus", "哥本哈根"]),
        (Place(jurisdiction: "FI", timeZone: "Europe/Helsinki"), ["fi", "fin", "finland", "芬兰", "suomi", "helsinki", "espoo", "tampere", "赫尔辛基"]),
        (Place(jurisdiction: "PT", timeZone: "Europe/Lisbon"), ["pt", "prt", "portugal", "葡萄牙", "lisbon", "lisboa", "porto", "里斯本"]),
        (Place(jurisdiction: "CZ", timeZone: "Europe/Prague"), ["cz", "cze", "czechia", "czech republic", "捷克", "prague", "praha",
                                                                "česko", "brno", "ostrava", "布拉格"]),
        (Place(jurisdiction: "HU", timeZone: "Europe/Budapest"), ["hu", "hun", "hungary", "匈牙利", "magyarország", "budapest", "debrecen", "布达佩斯"]),
        (Place(jurisdiction: "RO", timeZone: "Europe/Bucharest"), ["ro", "rou", "romania", "罗马尼亚", "românia", "bucharest", "bucurești", "cluj-napoca", "timișoara", "布加勒斯特"]),
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
        (Place(jurisdiction: "US", timeZone: "America/New_York"), ["new york state", "ny state", "state of new york", "upstate new york",
                                                                   "yonkers", "buffalo", "rochester", "albany", "boston", "washington dc", "washington, dc", "atlanta", "miami",
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
        (Place(jurisdiction: "HK", timeZone: "Asia/Hong_Kong"), ["hk", "hkg", "hong kong", "hongkong", "hong kong sar", "hong kong sar china",
                                                                  "hong kong, china", "hong kong sar, china", "香港", "香港特别行政区",
                                                                  "中国香港", "九龙", "kowloon"]),
        (Place(jurisdiction: "MO", timeZone: "Asia/Macau"), ["mo", "mac", "macao", "macau", "macao sar", "macao sar china", "macau sar",
                                                              "macao, china", "澳门", "澳门特别行政区", "中国澳门"]),
        (Place(jurisdiction: "TW", timeZone: "Asia/Taipei"), ["tw", "twn", "taiwan", "台湾", "台北", "taipei", "中国台湾", "taiwan, china"]),
        (Place(jurisdiction: "SG", timeZone: "Asia/Singapore"), ["sg", "sgp", "singapore", "新加坡"]),
        (Place(jurisdiction: "JP", timeZone: "Asia/Tokyo"), ["jp", "jpn", "japan", "日本", "tokyo", "东京", "osaka", "大阪", "nagoya", "名古屋"]),
        (Place(jurisdiction: "KR", timeZone: "Asia/Seoul"), ["south korea", "korea", "韩国", "seoul", "首尔", "busan", "釜山"]),
        (Place(jurisdiction: "CH", timeZone: "Europe/Zurich"), ["switzerland", "schweiz", "suisse", "瑞士", "zurich", "zürich",
                                                                "苏黎世", "geneva", "genève", "日内瓦", "basel", "bern", "lausanne"]),
        (Place(jurisdiction: "NO", timeZone: "Europe/Oslo"), ["norway", "norge", "挪威", "oslo", "bergen"]),
        (Place(jurisdiction: "AE", timeZone: "Asia/Dubai"), ["uae", "united arab emirates", "阿联酋", "阿拉伯联合酋长国", "dubai",
                                                             "迪拜", "abu dhabi", "阿布扎比"]),
        (Place(jurisdiction: "IN", timeZone: "Asia/Kolkata"), ["india", "印度", "bangalore", "bengaluru", "班加罗尔", "mumbai", "孟买",
                                                               "new delhi", "delhi", "新德里", "hyderabad", "chennai", "pune", "gurgaon", "gurugram"]),
        (Place(jurisdiction: "BR", timeZone: "America/Sao_Paulo"), ["brazil", "brasil", "巴西", "são paulo", "sao paulo", "圣保罗",
                                                                    "rio de janeiro", "里约热内卢"]),
        (Place(jurisdiction: "MX", timeZone: "America/Mexico_City"), ["mexico", "méxico", "墨西哥", "mexico city", "ciudad de méxico",
                                                                      "monterrey", "蒙特雷", "guadalajara", "瓜达拉哈拉"]),
        (Place(jurisdiction: "VN", timeZone: "Asia/Ho_Chi_Minh"), ["vietnam", "viet nam", "越南", "ho chi minh city", "胡志明市",
                                                                   "hanoi", "河内"]),
        (Place(jurisdiction: "ID", timeZone: "Asia/Jakarta"), ["indonesia", "印度尼西亚", "印尼", "jakarta", "雅加达"]),
        (Place(jurisdiction: "TH", timeZone: "Asia/Bangkok"), ["thailand", "泰国", "bangkok", "曼谷"]),
        (Place(jurisdiction: "MY", timeZone: "Asia/Kuala_Lumpur"), ["malaysia", "马来西亚", "kuala lumpur", "吉隆坡", "penang", "槟城"]),
        (Place(jurisdiction: "CA", timeZone: "America/Toronto"), ["canada", "加拿大", "toronto", "多伦多", "montreal", "蒙特利尔"]),
        (Place(jurisdiction: "CA", timeZone: "America/Vancouver"), ["vancouver", "温哥华"]),
    ]

    private static let names: [String: Int] = {
        var names: [String: Int] = [:]
        for (index, (_, spellings)) in table.enumerated() {
            for spelling in spellings where names[MeaningText.normalize(spelling)] == nil { names[MeaningText.normalize(spelling)] = index }
        }
        // The table's countries by their names in English, Chinese and the languages of the
        // EU's large member states (`Schweiz`, `Pologne`, `Hong Kong SAR China`), exactly, as
        // the toolchain's locale data spell them; each to the entry the table gives its code.
        var countries: [String: Int] = [:]
        for (index, (place, spellings)) in table.enumerated() where place.jurisdiction.utf8.count == 2 {
            if countries[place.jurisdiction] == nil || spellings.contains(place.jurisdiction.lowercased()) { countries[place.jurisdiction] = index }
        }
        let locales = ["en", "zh_Hans", "zh_Hant", "de", "fr", "es", "it", "nl", "pl", "pt"].map { Locale(identifier: $0) }
        for (alpha3, code) in alpha3Codes where names[alpha3] == nil {
            if let index = countries[code] { names[alpha3] = index }
        }
        for (code, index) in countries.sorted(by: { $0.key < $1.key }) {
            for locale in locales {
                guard let name = locale.localizedString(forRegionCode: code) else { continue }
                let key = MeaningText.normalize(name)
                if !key.isEmpty, names[key] == nil { names[key] = index }
            }
        }
        return names
    }()

    private static let keywords = KeywordIndex(table.enumerated().map { (Int32($0.offset), $0.element.1) })

    /// The place a value names: exactly (`Berlin`, `DE`, `深圳`), a city inside a longer name
    /// (`深圳总部`, `Berlin Office`), or an American city by its state (`MDW4 Joliet, IL`);
    /// two-letter codes only exactly.
    public static func place(_ text: String) -> Place? {
        guard text.utf8.count <= longestPlace, let found = onePlace(text) else { return nil }
        // Two places apart (`Berlin / New York`): the decision's is not known, and reading the
        // one named last (New York, where no human-review rule is in force) took a Berlin
        // decision out of the GDPR's reach (a hostile review hid 40 of 40 so). Asked only of a
        // value naming some place: `init` reads every distinct value of a sample.
        return jurisdictionsApart(in: text).count > 1 ? nil : found
    }

    /// The place `text` names, reading one: as a whole, else by the place name deciding.
    private static func onePlace(_ text: String) -> Place? {
        let normalized = MeaningText.normalize(text)
        if normalized.isEmpty { return nil }
        if let found = place(normalized: normalized) { return found }
        // A quote or other mark inside a name (`Dub"lin`, `上"海`) hides no place: an export
        // under inspection could otherwise take a decision out of its jurisdiction's rules.
        let unmarked = withoutMarks(normalized)
        guard unmarked != normalized, !unmarked.isEmpty else { return nil }
        if let index = unmarkedNames[unmarked] { return table[index].0 }
        return keywordPlace(in: unmarked)
    }

    /// The jurisdictions of places a value names apart, when they cannot all be one place's
    /// (`Berlin / New York`: DE and US-NYC; `Dublin → NYC`; `New York (Berlin)`; `上海和纽约`;
    /// `柏林纽约`); empty when it names one place, or several of one jurisdiction or inside one
    /// another (`Amsterdam & Rotterdam`, `Dublin, OH`, and `Hong Kong, China`, which is Hong
    /// Kong). Places are found as `place` finds them: each part between separators as a whole,
    /// and every place name inside the value (a city named after another in a Chinese road or
    /// shop's name, `香港中路店`, is no place).
    public static func jurisdictionsApart(in text: String) -> [String] {
        guard text.utf8.count <= longestPlace else { return [] }
        var named: [(code: String, spelling: String)] = []
        func add(_ place: Place?, _ spelling: String) {
            guard let code = place?.jurisdiction, !named.contains(where: { $0.code == code }) else { return }
            named.append((code, spelling))
        }
        // Place names inside the value first, in the order written; then its parts as wholes
        // (codes, `FR`, are names only as a whole value).
        let scalars = Array(MeaningText.normalize(text).unicodeScalars)
        for match in keywords.maximalMatches(in: scalars) where !isNamedAfter(match, in: scalars) {
            add(table[Int(match.code)].0, match.keyword)
        }
        for part in partsApart(text) {
            let normalized = MeaningText.normalize(part)
            if !normalized.isEmpty { add(place(normalized: normalized), normalized) }
        }
        // One inside another (`US` and `US-NYC`), or China as a country beside Hong Kong, Macao
        // or Taiwan (`Hong Kong, China`): the more particular place is the one meant. A mainland
        // city beside Hong Kong (`Shenzhen | Hong Kong`) is two places.
        let apart = named.filter { code, spelling in
            !named.contains { other in
                other.code != code
                    && (other.code.hasPrefix(code + "-") || (code == "CN" && Self.chinaAsACountry.contains(spelling) && ["HK", "MO", "TW"].contains(other.code)))
            }
        }
        return apart.count > 1 ? apart.map(\.code) : []
    }

    /// China named as a country, not a city of it.
    private static let chinaAsACountry: Set<String> = ["china", "cn", "chn", "prc", "中国", "中华人民共和国", "people's republic of china"]

    /// The parts of a value between the separators a list of places is written with: slashes,
    /// bars, semicolons, commas, `&`, `+`, arrows, a dash between spaces, `、`, `to`, `and`.
    private static func partsApart(_ text: String) -> [String] {
        var joined = text.lowercased()
        for joiner in ["->", "=>", " - ", " – ", " — ", " to ", " and ", " vs "] { joined = joined.replacingOccurrences(of: joiner, with: "/") }
        let separators: Set<Character> = ["/", "\\", "|", ";", "；", "、", "／", "→", "⇒", "➔", "➡", "+", "&", "＆", "~", "～", ",", "，", ">"]
        return joined.split(whereSeparator: { separators.contains($0) }).map(String.init)
    }

    /// The text without punctuation and symbols, nothing put in their place (`dub"lin` is `dublin`).
    static func withoutMarks(_ normalized: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                 .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static let unmarkedNames: [String: Int] = {
        var unmarked: [String: Int] = [:]
        // Codes (`it`, `de`) are names only as written: `I.T.` is no Italy.
        for (spelling, index) in names.sorted(by: { $0.key < $1.key })
        where unmarked[withoutMarks(spelling)] == nil && !(spelling.utf8.count <= 3 && spelling.allSatisfy(\.isASCII)) {
            unmarked[withoutMarks(spelling)] = index
        }
        return unmarked
    }()

    /// ISO 3166-1 alpha-3 codes, lower case, by their alpha-2 code (Debian's iso-codes), for
    /// the table's countries only, exactly: `BRA` is Brazil as `Brazil` is. Not those that
    /// are words (`are`, `can`, `nor`, `che`).
    private static let alpha3Codes: [(String, String)] = {
        let pairs =
        "ABWAW AFGAF AGOAO AIAAI ALAAX ALBAL ANDAD AREAE ARGAR ARMAM ASMAS ATAAQ ATFTF ATGAG AUSAU AUTAT " +
        "AZEAZ BDIBI BELBE BENBJ BESBQ BFABF BGDBD BGRBG BHRBH BHSBS BIHBA BLMBL BLRBY BLZBZ BMUBM BOLBO " +
        "BRABR BRBBB BRNBN BTNBT BVTBV BWABW CAFCF CANCA CCKCC CHECH CHLCL CHNCN CIVCI CMRCM CODCD COGCG " +
        "COKCK COLCO COMKM CPVCV CRICR CUBCU CUWCW CXRCX CYMKY CYPCY CZECZ DEUDE DJIDJ DMADM DNKDK DOMDO " +
        "DZADZ ECUEC EGYEG ERIER ESHEH ESPES ESTEE ETHET FINFI FJIFJ FLKFK FRAFR FROFO FSMFM GABGA GBRGB " +
        "GEOGE GGYGG GHAGH GIBGI GINGN GLPGP GMBGM GNBGW GNQGQ GRCGR GRDGD GRLGL GTMGT GUFGF GUMGU GUYGY " +
        "HKGHK HMDHM HNDHN HRVHR HTIHT HUNHU IDNID IMNIM INDIN IOTIO IRLIE IRNIR IRQIQ ISLIS ISRIL ITAIT " +
        "JAMJM JEYJE JORJO JPNJP KAZKZ KENKE KGZKG KHMKH KIRKI KNAKN KORKR KWTKW LAOLA LBNLB LBRLR LBYLY " +
        "LCALC LIELI LKALK LSOLS LTULT LUXLU LVALV MACMO MAFMF MARMA MCOMC MDAMD MDGMG MDVMV MEXMX MHLMH " +
        "MKDMK MLIML MLTMT MMRMM MNEME MNGMN MNPMP MOZMZ MRTMR MSRMS MTQMQ MUSMU MWIMW MYSMY MYTYT NAMNA " +
        "NCLNC NERNE NFKNF NGANG NICNI NIUNU NLDNL NORNO NPLNP NRUNR NZLNZ OMNOM PAKPK PANPA PCNPN PERPE " +
        "PHLPH PLWPW PNGPG POLPL PRIPR PRKKP PRTPT PRYPY PSEPS PYFPF QATQA REURE ROURO RUSRU RWARW SAUSA " +
        "SDNSD SENSN SGPSG SGSGS SHNSH SJMSJ SLBSB SLESL SLVSV SMRSM SOMSO SPMPM SRBRS SSDSS STPST SURSR " +
        "SVKSK SVNSI SWESE SWZSZ SXMSX SYCSC SYRSY TCATC TCDTD TGOTG THATH TJKTJ TKLTK TKMTM TLSTL TONTO " +
        "TTOTT TUNTN TURTR TUVTV TWNTW TZATZ UGAUG UKRUA UMIUM URYUY USAUS UZBUZ VATVA VCTVC VENVE VGBVG " +
        "VIRVI VNMVN VUTVU WLFWF WSMWS YEMYE ZAFZA ZMBZM ZWEZW "
        let words: Set<String> = ["are", "can", "nor", "che"]
        return pairs.split(separator: " ").filter { $0.utf8.count == 5 }
            .map { (String($0.prefix(3)).lowercased(), String($0.suffix(2))) }
            .filter { !words.contains($0.0) }
    }()

    private static func place(normalized: String) -> Place? {
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
        return keywordPlace(in: normalized)
    }

    /// The place a keyword found inside `normalized` names, unless it is a foreign city's name
    /// given to a Chinese road, shop, hotel or park (`香港中路店`, `新加坡工业园`, `维也纳酒店`):
    /// such a site is in China, and read as abroad it would leave China's rules.
    private static func keywordPlace(in normalized: String) -> Place? {
        guard let (best, searched) = keywords.deciding(in: Array(normalized.unicodeScalars)), case .found(let match) = best else { return nil }
        return isNamedAfter(match, in: searched) ? nil : table[Int(match.code)].0
    }

    /// Whether a city abroad `match` finds in `text` is only the name a Chinese road, shop,
    /// hotel or park took from it (`香港中路店`).
    private static func isNamedAfter(_ match: KeywordIndex.Match, in text: [Unicode.Scalar]) -> Bool {
        guard table[Int(match.code)].0.jurisdiction != "CN", let first = match.keyword.unicodeScalars.first, MeaningText.isCJK(first) else { return false }
        let end = min(match.offset + match.keyword.unicodeScalars.count, text.count)
        let after = String(String.UnicodeScalarView(text[end...]))
        return namedAfterAPlace.contains(where: { after.hasPrefix($0) })
    }

    /// What follows a city's name when a Chinese road, shop or park is named after it.
    private static let namedAfterAPlace = ["路", "街", "道", "巷", "店", "园", "中路", "东路", "西路", "南路", "北路", "大道", "大街", "大厦",
                                           "广场", "酒店", "饭店", "宾馆", "花园", "工业园", "商场", "商城", "公园"]

    /// `…, IL` or `… IL 60431`: a US state's postal code after a comma, with its main zone; or
    /// its name (`Dublin, Ohio`, `Paris, Texas`: no Irish or French city), with no one zone.
    private static func americanState(_ normalized: String) -> Place? {
        guard let comma = normalized.lastIndex(of: ",") else { return nil }
        if stateNames.contains(normalized[normalized.index(after: comma)...].trimmingCharacters(in: .whitespaces)) {
            return Place(jurisdiction: "US", timeZone: nil)
        }
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

    /// The jurisdiction code a decision's place stands for, as the checks read it: a place
    /// `place` knows; a subdivision of a country it knows, by code (`DE-BY`, `CN-SH`); `EU`; a
    /// US state by its name. Nil when the value is none of these: the run then judges the
    /// decision as if its place were blank, and DQ-04 names the value. Bare ISO codes and
    /// country names beyond the table are not read: `SZ` (Eswatini) is how an export may
    /// write Shenzhen, and `Chad` a person; read as a country, such a decision would leave
    /// the audit's jurisdictions.
    public static func jurisdictionCode(of text: String) -> String? {
        jurisdiction(of: text) ?? codeBeyondTable(text)
    }

    /// What `jurisdictionCode` reads beyond `place`: a subdivision by code, `EU`, a US state.
    package static func codeBeyondTable(_ text: String) -> String? {
        guard text.utf8.count <= longestPlace else { return nil }
        let upper = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if upper == "EU" { return "EU" }
        let parts = upper.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, parts[0].utf8.count == 2, (1...3).contains(parts[1].utf8.count),
           parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
           let country = names[String(parts[0]).lowercased()].map({ table[$0].0.jurisdiction }), country == String(parts[0]) {
            return upper
        }
        return stateNames.contains(MeaningText.normalize(text)) ? "US" : nil
    }

    /// The longest value, in UTF-8 bytes, read as a place: names are short (`Amazon MDW4
    /// Joliet, IL 60431`, `苏州工业园区星湖街328号` are half of it), and the keyword search a
    /// value costs grows with its length, which the export controls.
    static let longestPlace = 96

    private static let stateNames: Set<String> = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia",
        "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
        "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
        "new mexico", "new york state", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania",
        "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington",
        "west virginia", "wisconsin", "wyoming", "district of columbia",
    ]
}
