import Foundation
import Testing

/// Compares rendered HTML with `Tests/Snapshots/<name>.html`, so a change to a page shows up as a reviewed
/// diff. A missing file is written (review it before committing); `SNAPSHOT_RECORD=1` rewrites them all. The
/// file holds one tag boundary per line (`><` split), which keeps diffs readable and the mapping exact.
func assertSnapshot(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = snapshotDirectory.appendingPathComponent(name + ".html")
    let actual = html.replacingOccurrences(of: "><", with: ">\n<") + "\n"
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: snapshotDirectory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not write snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard expected != actual else { return }
    let diff = lineDiff(expected: expected, actual: actual)
    Issue.record(
        Comment(rawValue: "snapshot \(name).html differs (re-record with SNAPSHOT_RECORD=1 if the change is intended):\n\(diff)"),
        sourceLocation: sourceLocation)
}

/// Outside the test target's folder: SwiftPM would otherwise warn on every build about files it does not handle.
private let snapshotDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

/// The changed stretch with three lines of context: common head and tail are trimmed, the middle is shown
/// as removed (-) and added (+) lines. Pages are small, so nothing smarter is needed to point at the change.
func lineDiff(expected: String, actual: String, context: Int = 3) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var head = 0
    while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
    var tail = 0
    while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
    var lines: [String] = []
    let start = max(0, head - context)
    lines.append("@@ line \(start + 1) @@")
    for line in old[start..<head] { lines.append("  " + line) }
    for line in old[head..<(old.count - tail)] { lines.append("- " + line) }
    for line in new[head..<(new.count - tail)] { lines.append("+ " + line) }
    for line in old[(old.count - tail)..<min(old.count, old.count - tail + context)] { lines.append("  " + line) }
    return lines.joined(separator: "\n")
}
