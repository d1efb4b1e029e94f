import Foundation

#if _endian(big)
    #error("the register snapshot format is little-endian and read without conversion")
#endif

/// The binary snapshot file format (version 1), little-endian:
///
///     0    8  magic "TMNREGS\n"
///     8    4  format version (1)
///     12   4  person index bits (b)
///     16   8  metadata offset      24  8  metadata length (JSON, UTF-8)
///     32  96  six sections, each (offset u64, length u64):
///             numbers bitset, voluntary numbers bitset, person keys, person index,
///             voluntary person keys, voluntary person index
///
/// A bitset is 10^8 bits (12.5 MB; bit k = number k reserved) or absent (length 0). Person keys are the
/// sorted distinct `PersonIdentity.key` values, each stored as its low 64 − b bits in 6 bytes (the top b
/// bits are its bucket), plus 2 bytes of padding; the index has 2^b + 1 UInt32 entries, entry i being the
/// first key whose top b bits are ≥ i. Sections start on 4096-byte boundaries so a memory-mapped file
/// needs no copying or decoding.
enum RegisterSnapshotLayout {
    static let magic: [UInt8] = Array("TMNREGS\n".utf8)
    static let version: UInt32 = 1
    static let headerSize = 128
    static let alignment = 4096
    static let bitsetWords = (100_000_000 + 63) / 64
    static let bitsetBytes = bitsetWords * 8
    static let personIndexBits = 18
    static let sectionCount = 6

    enum Section: Int, CaseIterable {
        case numbers, voluntaryNumbers, persons, personIndex, voluntaryPersons, voluntaryPersonIndex
    }

    static func aligned(_ n: Int) -> Int { (n + alignment - 1) / alignment * alignment }

    /// Builds the whole file image.
    static func image(
        metadata: RegisterSnapshotMetadata, words: [Section: [UInt64]], indices: [Section: [UInt32]], personKeys: [Section: [UInt64]]
    ) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(metadata)) ?? Data("{}".utf8)
        var offsets: [Int] = []
        var position = aligned(headerSize + json.count)
        for section in Section.allCases {
            offsets.append(position)
            position = aligned(position + byteCount(section, words, indices, personKeys))
        }
        var data = Data(count: position)
        data.withUnsafeMutableBytes { raw in
            for (i, byte) in magic.enumerated() { raw[i] = byte }
            raw.storeBytes(of: version.littleEndian, toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: UInt32(personIndexBits).littleEndian, toByteOffset: 12, as: UInt32.self)
            raw.storeBytes(of: UInt64(headerSize).littleEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: UInt64(json.count).littleEndian, toByteOffset: 24, as: UInt64.self)
            json.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: raw[headerSize..<(headerSize + json.count)]).copyMemory(from: $0) }
            for section in Section.allCases {
                let offset = offsets[section.rawValue]
                let count = byteCount(section, words, indices, personKeys)
                raw.storeBytes(of: UInt64(offset).littleEndian, toByteOffset: 32 + section.rawValue * 16, as: UInt64.self)
                raw.storeBytes(of: UInt64(count).littleEndian, toByteOffset: 40 + section.rawValue * 16, as: UInt64.self)
                let target = UnsafeMutableRawBufferPointer(rebasing: raw[offset..<(offset + count)])
                if let w = words[section] { w.withUnsafeBytes { target.copyMemory(from: $0) } }
                if let x = indices[section] { x.withUnsafeBytes { target.copyMemory(from: $0) } }
                if let keys = personKeys[section] { PersonKeyTable.pack(sortedKeys: keys, into: target) }
            }
        }
        return data
    }

    private static func byteCount(
        _ section: Section, _ words: [Section: [UInt64]], _ indices: [Section: [UInt32]], _ personKeys: [Section: [UInt64]]
    ) -> Int {
        (words[section]?.count ?? 0) * 8 + (indices[section]?.count ?? 0) * 4
            + (personKeys[section].map { PersonKeyTable.sectionBytes(count: $0.count) } ?? 0)
    }

    /// Checks the header and section table of a file image; returns metadata and section byte ranges.
    static func parse(_ data: Data) throws(RegisterSnapshotError) -> (RegisterSnapshotMetadata, [Range<Int>]) {
        guard data.count >= headerSize else { throw .notASnapshot("the file is \(data.count) bytes, shorter than a snapshot header") }
        let header = data.withUnsafeBytes { raw in
            (
                Array(raw.prefix(8)), raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian,
                raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian,
                raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian,
                raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian,
                (0..<sectionCount).map { i in
                    (
                        raw.loadUnaligned(fromByteOffset: 32 + i * 16, as: UInt64.self).littleEndian,
                        raw.loadUnaligned(fromByteOffset: 40 + i * 16, as: UInt64.self).littleEndian
                    )
                }
            )
        }
        let (magicBytes, fileVersion, indexBits, metaOffset, metaLength, table) = header
        guard magicBytes == magic else { throw .notASnapshot("the file does not start with the snapshot signature") }
        guard fileVersion == version else { throw .unsupportedVersion(Int(fileVersion)) }
        guard indexBits == UInt32(personIndexBits) else { throw .corrupt("person index of \(indexBits) bits, expected \(personIndexBits)") }
        guard metaOffset <= UInt64(data.count), metaLength <= UInt64(data.count) - metaOffset else {
            throw .corrupt("metadata lies outside the file")
        }
        let metaStart = data.startIndex + Int(metaOffset)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let metadata: RegisterSnapshotMetadata
        do {
            metadata = try decoder.decode(RegisterSnapshotMetadata.self, from: data[metaStart..<(metaStart + Int(metaLength))])
        } catch {
            throw .corrupt("metadata is not readable: \(error)")
        }
        var ranges: [Range<Int>] = []
        for (offset, length) in table {
            guard offset % UInt64(alignment) == 0, offset <= UInt64(data.count), length <= UInt64(data.count) - offset else {
                throw .corrupt("a section lies outside the file or is misaligned")
            }
            ranges.append(Int(offset)..<Int(offset + length))
        }
        try checkSizes(ranges, metadata: metadata)
        return (metadata, ranges)
    }

    private static func checkSizes(_ ranges: [Range<Int>], metadata: RegisterSnapshotMetadata) throws(RegisterSnapshotError) {
        for bitset in [Section.numbers, .voluntaryNumbers] where ![0, bitsetBytes].contains(ranges[bitset.rawValue].count) {
            throw .corrupt("a number bitset has \(ranges[bitset.rawValue].count) bytes, expected \(bitsetBytes)")
        }
        let indexBytes = ((1 << personIndexBits) + 1) * 4
        for (keys, index, count) in [
            (Section.persons, Section.personIndex, metadata.personCount),
            (.voluntaryPersons, .voluntaryPersonIndex, metadata.voluntaryPersonCount),
        ] {
            guard ranges[keys.rawValue].count == PersonKeyTable.sectionBytes(count: count) else {
                throw .corrupt("person keys take \(ranges[keys.rawValue].count) bytes, metadata says \(count) keys")
            }
            guard ranges[index.rawValue].count == (count == 0 ? 0 : indexBytes) else {
                throw .corrupt("a person index has \(ranges[index.rawValue].count) bytes")
            }
        }
    }
}
