import Foundation
import FuzzSupport
import TMNormCore

/// External series CSV (evaluation): whatever the bytes, parsing returns values or a problem naming a
/// line ≥ 1 and a field (no trap); values are sorted, of one granularity, without duplicate periods, and
/// every period's label parses back to the same period.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(bytes(data, size))
    switch ExternalSeriesParser.parse(input) {
    case .failure(let problem):
        require(problem.line >= 1 && !problem.field.isEmpty, "problem without line or field: \(problem)")
        require(!problem.message.nb.isEmpty && !problem.message.en.isEmpty, "empty message")
    case .success(let values):
        require(!values.isEmpty, "success without values")
        let periods = values.map(\.period)
        require(periods == periods.sorted(), "values not sorted")
        require(Set(periods).count == periods.count, "duplicate periods")
        require(Set(periods.map(\.granularity)).count == 1, "mixed granularity")
        for period in periods {
            require(ExternalSeriesParser.parsePeriod(Array(period.description.utf8)) == period, "label \(period) does not re-parse")
        }
        require(values.allSatisfy { $0.value.isFinite }, "non-finite value")
    }
    return 0
}
