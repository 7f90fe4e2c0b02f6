/// A rejected row's reason in the reader's language: the one catalogue of the sentences
/// rejects.csv and `validate` explain rejects with. Field names (`decision_id`) and pipeline
/// keys (`input.encoding`) stay as they are in both languages, as they are what the reader
/// writes to fix the row; the export's own text is quoted as it was written.
extension ReportText {
    func rejectReason(_ detail: RejectDetail) -> String {
        // Every kind is named here, so a new kind does not compile until it is worded.
        switch detail {
        case .fieldTooLong, .rowTooLong, .tooManyFields, .unterminatedQuote, .invalidEncoding, .quoteMergedLines, .mergedLineNotARow:
            damageReason(detail)
        case .fieldCount, .empty, .outcomeUnstated, .outcomeUnderivable, .repeatedHeader, .totalsRow:
            shapeReason(detail)
        case .notANumber, .unknownValue, .badTimestamp, .duplicateID, .columnsDisagree, .decidedTwoWays:
            valueReason(detail)
        case let .activityValue(field, text, problem):
            activityReason(field: field, text: text, problem: problem)
        }
    }

    /// A value of an activity log that is no event's.
    private func activityReason(field: String, text: String, problem: ActivityValueProblem) -> String {
        switch problem {
        case .empty:
            pick("\(field) is empty", "\(field) 为空")
        case .timestamp(let problem):
            pick("\(field) '\(text)': \(timestampProblem(problem))", "\(field) 的值“\(text)”：\(timestampProblem(problem))")
        case .endsBeforeStart:
            pick("\(field) '\(text)' is before started_at", "\(field) 的值“\(text)”早于 started_at")
        case .notMinutes:
            pick("\(field) '\(text)' is not a number of minutes (write e.g. 45)", "\(field) 的值“\(text)”不是分钟数（应写作如 45）")
        case .tooLong(let minutes):
            pick("\(field) '\(text)' makes one event of \(minutes) minutes, longer than a day: a session never closed, or another unit",
                 "\(field) 的值“\(text)”使单个事件长达 \(minutes) 分钟，超过一天：可能是未关闭的会话，或单位有误")
        case .unknownDirection:
            pick("\(field) '\(text)' is not known; expected contact, action or reply, or a spelling listed under activity.values.direction",
                 "\(field) 的值“\(text)”无法识别；应为 contact、action 或 reply（联系、操作、回复），或 activity.values.direction 下列出的写法")
        case .unknownYesNo:
            pick("\(field) '\(text)' is not known; expected yes or no (是/否)", "\(field) 的值“\(text)”无法识别；应为是或否（yes/no）")
        case .idTooLong(let bytes):
            pick("\(field) has \(bytes) bytes: too long for a worker id (at most 256)", "\(field) 长 \(bytes) 字节：作为劳动者编号过长（至多 256 字节）")
        }
    }

    /// Damage the reader found: sizes, quotes, encoding.
    private func damageReason(_ detail: RejectDetail) -> String {
        switch detail {
        case let .fieldTooLong(field, bytes, limit):
            pick("field \(field) has \(bytes) bytes, over the limit of \(limit) (input.max_field_bytes); its content is not kept",
                 "第 \(field) 个字段有 \(bytes) 字节，超过上限 \(limit)（input.max_field_bytes）；其内容不予保留")
        case let .rowTooLong(bytes, limit):
            pick("the row has \(bytes) bytes, over the limit of \(limit) (input.max_row_bytes); fields past the limit are not kept",
                 "该行有 \(bytes) 字节，超过上限 \(limit)（input.max_row_bytes）；超出上限的字段不予保留")
        case let .tooManyFields(count, kept, header):
            pick("the row has \(count) fields (only the first \(kept) are kept); the header has \(header)",
                 "该行有 \(count) 个字段（只保留前 \(kept) 个）；标题行有 \(header) 个")
        case let .unterminatedQuote(first, last):
            pick("a quoted field opened here is never closed; the rest of the file (\(last > first ? "lines \(first)–\(last)" : "line \(first)")) is this one rejected row. "
                    + "Close the quote or double the quote inside the field",
                 "从此处开始的带引号字段没有闭合；文件其余部分（\(last > first ? "第 \(first)–\(last) 行" : "第 \(first) 行")）成为这一条被拒收的行。"
                    + "请补上闭合的引号，或将字段内的引号写成两个引号")
        case .invalidEncoding(let field):
            pick("field \(field) holds bytes that are not valid text in the file's encoding; if the whole file is affected, set input.encoding (e.g. gb18030)",
                 "第 \(field) 个字段含有在该文件编码下无效的字节；如整个文件都受影响，请设置 input.encoding（例如 gb18030）")
        case let .quoteMergedLines(header, first, last):
            pick("a quote opened in column '\(header)' runs over lines \(first)–\(last), merging rows that cannot be read apart; "
                    + "each of these lines may have been a decision. Close or remove the stray quote",
                 "列“\(header)”中的引号跨越第 \(first)–\(last) 行，把多行并成了一行且无法逐行拆开；其中每一行都可能是一条决策。请闭合或删去多余的引号")
        case let .mergedLineNotARow(header, first, last, fields, headerFields):
            mergedLineNotARow(header: header, first: first, last: last, fields: fields, headerFields: headerFields)
        default:
            routedElsewhere(detail)
        }
    }

    private func mergedLineNotARow(header: String, first: Int, last: Int, fields: Int?, headerFields: Int) -> String {
        let problem = fields.map { pick("it has \($0) fields, not the header's \(headerFields)", "它有 \($0) 个字段，而标题行有 \(headerFields) 个") }
            ?? pick("a quote is still in it", "其中仍有引号")
        return pick("a quote opened in column '\(header)' on line \(first) runs to line \(last), merging these lines into one row; "
                        + "read on its own, this line is not a row: \(problem). Close or remove the stray quote",
                    "第 \(first) 行列“\(header)”中的引号一直延续到第 \(last) 行，把这些行并成了一行；单独读取时本行不成一行：\(problem)。请闭合或删去多余的引号")
    }

    /// The row's shape, its required fields, and rows that hold no decision.
    private func shapeReason(_ detail: RejectDetail) -> String {
        switch detail {
        case let .fieldCount(found, header):
            pick("the row has \(found) fields, \(found < header ? "fewer" : "more") than the header's \(header); a delimiter or quote is probably missing or extra",
                 "该行有 \(found) 个字段，\(found < header ? "少于" : "多于")标题行的 \(header) 个；可能缺少或多出了分隔符或引号")
        case .empty(let field):
            pick("\(field.rawValue) is empty", "\(field.rawValue) 为空")
        case .outcomeUnstated(let type):
            pick("outcome is not recorded and the decision type '\(type)' does not say whether it was adverse",
                 "outcome 未记录，且决策类型“\(type)”无法表明决定是否不利")
        case .outcomeUnderivable:
            pick("outcome is empty and there is no score to derive it from", "outcome 为空，且没有可据以推导的 score")
        case .repeatedHeader:
            pick("the header row again (an export of several pages glued together?): not a decision", "再次出现的标题行（可能是多页导出拼接而成）：不是决策记录")
        case .totalsRow(let label):
            pick("a totals or footer row ('\(label)'): not a decision", "合计行或表尾（“\(label)”）：不是决策记录")
        default:
            routedElsewhere(detail)
        }
    }

    /// A value that does not read as what its field holds, or an id taken already.
    private func valueReason(_ detail: RejectDetail) -> String {
        switch detail {
        case let .notANumber(field, text, commaHint):
            pick("\(field.rawValue) '\(text)' is not a number (write e.g. 0.73 or 73\(commaHint ? "; for decimal commas set input.decimal_separator: \",\"" : ""))",
                 "\(field.rawValue) 的值“\(text)”不是数字（应写作如 0.73 或 73\(commaHint ? "；如以逗号作小数点，请设置 input.decimal_separator: \",\"" : "")）")
        case let .unknownValue(field, text, expected):
            pick("\(field.rawValue) '\(text)' is not known; expected \(self.expected(expected))",
                 "\(field.rawValue) 的值“\(text)”无法识别；应为 \(self.expected(expected))")
        case let .badTimestamp(field, text, problem):
            pick("\(field.rawValue) '\(text)': \(timestampProblem(problem))", "\(field.rawValue) 的值“\(text)”：\(timestampProblem(problem))")
        case let .duplicateID(id, line, nil):
            pick("decision_id '\(id)' already appeared on line \(line); only the first is kept", "decision_id 为“\(id)”的记录已在第 \(line) 行出现过；只保留首次出现的记录")
        case let .duplicateID(id, line, file?):
            pick("decision_id '\(id)' already appeared on line \(line) of \(file); only the first is kept",
                 "decision_id 为“\(id)”的记录已在 \(file) 第 \(line) 行出现过；只保留首次出现的记录")
        case let .decidedTwoWays(automated, humanReviewed):
            pick("automated '\(automated)' says a person decided, and human_reviewed '\(humanReviewed)' says software did: who decided is said two ways, and which is true cannot be told",
                 "automated 的值“\(automated)”表明由人作出决定，而 human_reviewed 的值“\(humanReviewed)”表明由系统作出：两列对决定者的说法相互矛盾，无法判断何者属实")
        case let .columnsDisagree(header, firstColumn, first, secondColumn, second):
            pick("the two columns named '\(header)' disagree: '\(first)' in column \(firstColumn), '\(second)' in column \(secondColumn); which one the export means cannot be told",
                 "两列同名“\(header)”取值不一致：第 \(firstColumn) 列为“\(first)”，第 \(secondColumn) 列为“\(second)”；无法判断应以哪一列为准")
        default:
            routedElsewhere(detail)
        }
    }

    private func expected(_ values: RejectDetail.ExpectedValues) -> String {
        switch values {
        case .decisionType:
            pick("one of \(DecisionType.allCases.map(\.rawValue).joined(separator: ", ")) or a spelling listed under values.decision_type",
                 "\(DecisionType.allCases.map { "\($0.rawValue)（\($0.chineseName)）" }.joined(separator: "、")) 之一，或 values.decision_type 下列出的写法")
        case .outcome:
            pick("favorable or adverse, or a spelling listed under values.outcome", "favorable 或 adverse（有利、不利），或 values.outcome 下列出的写法")
        case .yesNo:
            pick("yes or no (是/否), or a spelling listed under values.boolean", "是或否（yes/no），或 values.boolean 下列出的写法")
        case .reviewResult:
            pick("upheld, modified or overturned, or a spelling listed under values.review_result",
                 "upheld、modified 或 overturned（维持、变更、撤销），或 values.review_result 下列出的写法")
        case .appealReviewer:
            pick("human or automated, or a spelling listed under values.appeal_reviewer", "human 或 automated（人工、系统），或 values.appeal_reviewer 下列出的写法")
        }
    }

    /// One short sentence saying what the text should have been.
    func timestampProblem(_ problem: TimestampProblem) -> String {
        switch problem {
        case .empty, .notATimestamp, .excelSerialOutOfRange, .twoDigitYear, .ambiguousDayMonth, .yearOutOfRange, .monthOutOfRange, .dayOutOfRange,
             .unexpectedAfterDate, .placeholderDate:
            dateProblem(problem)
        case .malformedTime, .hourOutOfRange, .hourOutOfRangeForMeridiem, .conflictingMeridiem, .minuteOutOfRange, .secondOutOfRange,
             .malformedOffset, .offsetOutOfRange, .trailingText:
            timeProblem(problem)
        }
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June",
                                     "July", "August", "September", "October", "November", "December"]

    private func dateProblem(_ problem: TimestampProblem) -> String {
        switch problem {
        case .empty:
            pick("the value is empty; expected a date such as 2025-03-07 or 2025年3月7日", "值为空；应为日期，如 2025-03-07 或 2025年3月7日")
        case .notATimestamp:
            pick("not a date or time; expected e.g. 2025-03-07 09:05 or 2025年3月7日", "不是日期或时间；应为如 2025-03-07 09:05 或 2025年3月7日")
        case .excelSerialOutOfRange:
            pick("a plain number is read as an Excel serial date, which must be between 20000 (1954) and 80000 (2119)",
                 "纯数字按 Excel 日期序列号读取，须在 20000（1954年）至 80000（2119年）之间")
        case .twoDigitYear:
            pick("two-digit years are ambiguous; expected a four-digit year, e.g. 7/3/2025, or set input.two_digit_years to 20xx in the pipeline file",
                 "两位数年份有歧义；应使用四位数年份，如 7/3/2025，或在审计配置文件中将 input.two_digit_years 设为 20xx")
        case .ambiguousDayMonth(let text):
            pick("the day/month order of \(text) is ambiguous; set input.date_order to dmy or mdy in the pipeline file",
                 "\(text) 的日、月顺序有歧义；请在审计配置文件中将 input.date_order 设为 dmy 或 mdy")
        case .yearOutOfRange(let year):
            pick("year \(year) is outside the supported range 1900–2200", "年份 \(year) 超出支持的范围 1900–2200")
        case .monthOutOfRange(let month, let order):
            pick("month \(month) does not exist; expected 1–12\(order.map { " (input.date_order is \($0.rawValue))" } ?? "")",
                 "月份 \(month) 不存在；应为 1–12\(order.map { "（input.date_order 为 \($0.rawValue)）" } ?? "")")
        case let .dayOutOfRange(day, month, year):
            pick("day \(day) does not exist in \(Self.monthNames[min(max(month, 1), 12) - 1]) \(year)", "\(year)年\(month)月没有第 \(day) 日")
        case .placeholderDate:
            pick("a day systems write where no date was kept (1970-01-01, 1900-01-01, 1899-12-30 or -31); give the real date, or leave it empty if none was recorded",
                 "系统在未记录日期时填入的占位日期（1970-01-01、1900-01-01、1899-12-30 或 -31）；请填写实际日期，未记录则留空")
        case .unexpectedAfterDate:
            pick("unexpected text after the date; expected a time such as 09:05 after a space or T", "日期后有多余的文字；日期后应为空格或 T 加时间，如 09:05")
        default:
            routedElsewhere(problem)
        }
    }

    private func timeProblem(_ problem: TimestampProblem) -> String {
        switch problem {
        case .malformedTime:
            pick("the time is incomplete or malformed; expected e.g. 09:05, 09:05:30 or 9时5分", "时间不完整或格式有误；应为如 09:05、09:05:30 或 9时5分")
        case .hourOutOfRange(let hour):
            pick("hour \(hour) does not exist; expected 0–23", "小时 \(hour) 不存在；应为 0–23")
        case .hourOutOfRangeForMeridiem(let hour):
            pick("hour \(hour) cannot be used with AM/PM or 上午/下午; expected 1–12", "小时 \(hour) 不能与 AM/PM 或 上午/下午 同用；应为 1–12")
        case .conflictingMeridiem:
            pick("the time has both 上午/下午 and AM/PM; expected only one of them", "时间同时含有 上午/下午 和 AM/PM；只能使用其中一种")
        case .minuteOutOfRange(let minute):
            pick("minute \(minute) does not exist; expected 0–59", "分钟 \(minute) 不存在；应为 0–59")
        case .secondOutOfRange(let second):
            pick("second \(second) does not exist; expected 0–59 (leap seconds are not supported)", "秒 \(second) 不存在；应为 0–59（不支持闰秒）")
        case .malformedOffset:
            pick("malformed UTC offset; expected e.g. Z, +08:00, +0800 or -05", "UTC 偏移格式有误；应为如 Z、+08:00、+0800 或 -05")
        case .offsetOutOfRange:
            pick("UTC offset is out of range; expected at most ±18:00, e.g. +08:00", "UTC 偏移超出范围；最多为 ±18:00，如 +08:00")
        case .trailingText:
            pick("unexpected text after the time; expected only AM/PM or an offset such as +08:00 or Z", "时间后有多余的文字；时间后只能是 AM/PM 或时区偏移，如 +08:00 或 Z")
        default:
            routedElsewhere(problem)
        }
    }
}
