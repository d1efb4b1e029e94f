import FuzzSupport
@testable import TMNormCore

/// The encoding and delimiter sniffers and the CSV row scanner.
///
/// Input: one parameter byte (row limit, field capacity, read size, delimiter when the sniffer finds none),
/// then the list. Properties:
/// - the sniffer's UTF-8 verdict equals the standard library's validation; its delimiter is ; , or tab;
/// - scanning is independent of how the bytes arrive: the whole input in one read, and reads of 1–16 bytes
///   (which makes the scanner refill mid-row and mid-quote), give the same rows, fields and defects; so
///   does the washer's way (`nextBuffered`, then `next` when it needs a refill);
/// - every byte is accounted for: the rows (content and line ending, or the bytes streamed through for a
///   row too long to buffer) concatenate to the input;
/// - a row's line number is 1 + the line feeds before it;
/// - a row without defect has 1 + (delimiters outside quotes) fields, and its raw fields joined by the
///   delimiter are its content.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let parameter = data[0]
    let list = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let maxRowBytes = [16, 64, 300, 4096][Int(parameter & 3)]
    let fieldCapacity = [1, 2, 3, 12][Int((parameter >> 2) & 3)]
    let readSize = 1 + Int((parameter >> 4) & 15)

    var delimiter: UInt8 = [0x3B, 0x2C, 0x09, 0x00][Int(parameter >> 6)]
    var bomLength = 0
    list.withUnsafeBytes { raw in
        do throws(TextInputError) {
            let (encoding, bom) = try TextEncodingSniffer.encoding(of: raw, isWholeInput: true)
            bomLength = bom
            let stdlibValid = String(validating: list[bom...], as: UTF8.self) != nil
            switch encoding {
            case .utf8: require(stdlibValid && bom == 0, "sniffed UTF-8, the standard library disagrees")
            case .windows1252: require(!stdlibValid && bom == 0, "sniffed Windows-1252 for valid UTF-8")
            case .utf8WithBOM: require(bom == 3 && list.starts(with: [0xEF, 0xBB, 0xBF]), "BOM")
            }
        } catch {
            let washError = WashError(error)
            require(!washError.description.isEmpty && !washError.norwegian.isEmpty, "empty error text")
        }
        // The validator on its own, truncated ends allowed or not, against the standard library.
        let strict = UTF8Validation.isValid(raw)
        require(strict == (String(validating: list, as: UTF8.self) != nil), "UTF-8 validation differs from the standard library")
        if strict { require(UTF8Validation.isValid(raw, allowTruncatedEnd: true), "truncation allowance rejects valid UTF-8") }
        let body = UnsafeRawBufferPointer(rebasing: raw[bomLength...])
        if let sniffed = try? WashInputSniffer.delimiter(ofHeaderIn: body, maxRowBytes: maxRowBytes, isWholeInput: true) {
            require([0x3B, 0x2C, 0x09].contains(sniffed), "delimiter \(sniffed)")
            delimiter = sniffed
        }
    }
    let body = Array(list[bomLength...])

    let whole = scan(body, delimiter: delimiter, maxRowBytes: maxRowBytes, fieldCapacity: fieldCapacity, readSize: Int.max, buffered: false)
    let pieces = scan(body, delimiter: delimiter, maxRowBytes: maxRowBytes, fieldCapacity: fieldCapacity, readSize: readSize, buffered: false)
    let batched = scan(body, delimiter: delimiter, maxRowBytes: maxRowBytes, fieldCapacity: fieldCapacity, readSize: Int.max, buffered: true)
    require(whole == pieces, "rows differ when read \(readSize) bytes at a time")
    require(whole == batched, "rows differ between next and nextBuffered")

    require(whole.flatMap(\.bytes) == body, "rows do not concatenate to the input")
    var offset = 0
    var line = 1
    for row in whole {
        require(row.line == line, "row at byte \(offset) has line \(row.line), expected \(line)")
        line += row.bytes.filter { $0 == 0x0A }.count
        offset += row.bytes.count
        guard row.defect == nil, !row.streamed else { continue }
        // RFC 4180: a quote opens a quoted field only at the field's start; inside, "" is a quote and a
        // lone " closes it.
        var delimiters = 0
        var fieldStart = true
        var i = 0
        let content = row.content
        while i < content.count {
            let byte = content[i]
            if byte == 0x22 && fieldStart {
                i += 1
                while i < content.count {
                    if content[i] == 0x22 {
                        if i + 1 < content.count && content[i + 1] == 0x22 {
                            i += 2
                            continue
                        }
                        break
                    }
                    i += 1
                }
                fieldStart = false
            } else if byte == delimiter {
                delimiters += 1
                fieldStart = true
            } else {
                fieldStart = false
            }
            i += 1
        }
        require(row.fieldCount == delimiters + 1, "\(row.fieldCount) fields, \(delimiters) delimiters outside quotes, line \(row.line)")
        if row.fieldCount <= fieldCapacity {
            var joined: [UInt8] = []
            for (k, field) in row.rawFields.enumerated() {
                if k > 0 { joined.append(delimiter) }
                joined += field
            }
            require(joined == row.content, "fields do not make up the row, line \(row.line)")
        }
    }
    return 0
}

struct Row: Equatable {
    var line: Int
    var defect: CSVRowDefect?
    var streamed: Bool
    var fieldCount: Int
    var content: [UInt8]
    /// Content and line ending as in the input (for a streamed row: the bytes passed through).
    var bytes: [UInt8]
    var rawFields: [[UInt8]]
    var values: [[UInt8]]
}

/// Hands out at most `readSize` bytes per read.
struct PieceSource: ByteSource {
    let bytes: [UInt8]
    let readSize: Int
    var offset = 0

    var expectedByteCount: Int? { nil }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteIOError) -> Int {
        let n = min(buffer.count, readSize, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { raw in
            UnsafeMutableRawBufferPointer(rebasing: buffer[0..<n]).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + n)]))
        }
        offset += n
        return n
    }

    mutating func finishSHA256() -> String { "" }
}

func scan(_ body: [UInt8], delimiter: UInt8, maxRowBytes: Int, fieldCapacity: Int, readSize: Int, buffered: Bool) -> [Row] {
    var window = ByteWindow(source: PieceSource(bytes: body, readSize: readSize), capacity: maxRowBytes + 2 + 4096)
    if readSize == Int.max {
        do { try window.fillCompletely() } catch { require(false, "read failed") }
    }
    var scanner = CSVRowScanner(window: window, delimiter: delimiter, maxRowBytes: maxRowBytes, fieldCapacity: fieldCapacity)
    var rows: [Row] = []
    var scratch: [UInt8] = []
    var guardCount = 0
    while true {
        guardCount += 1
        require(guardCount <= body.count + 2, "scanner does not advance")
        var passed: [UInt8] = []
        let more: Bool
        if buffered, let next = scanner.nextBuffered() {
            more = next
        } else {
            do {
                more = try scanner.next(passThrough: { passed += $0 })
            } catch {
                require(false, "read failed")
                return rows
            }
        }
        guard more else { break }
        var row = Row(
            line: scanner.rowLine, defect: scanner.defect, streamed: scanner.streamedThrough, fieldCount: scanner.fieldCount,
            content: Array(scanner.content), bytes: [], rawFields: [], values: [])
        if scanner.streamedThrough {
            require(passed.count >= maxRowBytes, "streamed a row of \(passed.count) bytes, the limit is \(maxRowBytes)")
            row.bytes = passed + scanner.streamedEnding.bytes
        } else {
            require(passed.isEmpty, "bytes passed through for a buffered row")
            row.bytes = Array(scanner.wholeRow)
            require(Array(scanner.content) + Array(scanner.lineEnding) == row.bytes, "content + line ending != row")
            for k in 0..<min(scanner.fieldCount, fieldCapacity) {
                let (s, e, _) = scanner.rawField(k)
                require(s >= scanner.rowStart && s <= e && e <= scanner.contentEnd, "field \(k) outside its row")
                row.rawFields.append(Array(UnsafeRawBufferPointer(start: scanner.window.base + s, count: e - s)))
                row.values.append(scanner.withFieldValue(k, scratch: &scratch) { Array($0) })
            }
            _ = scanner.contentIsBlank
        }
        rows.append(row)
    }
    return rows
}
