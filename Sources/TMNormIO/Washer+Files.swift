import Foundation
import TMNormCore

extension Washer {
    /// Washes a list file into two output files; the outputs appear only when the wash succeeded. With
    /// `callableKeysTo`, also the callable rows' phone keys (`WashCallableKeys`), for may-call.
    public func washFile(
        at inputPath: String, callableTo callablePath: String, rejectedTo rejectedPath: String,
        callableKeysTo keysPath: String? = nil, progress: (WashProgress) -> Void = { _ in }
    ) throws(WashError) -> WashSummary {
        do {
            let source = try FileByteSource(path: inputPath)
            var callable = try FileByteSink(path: callablePath)
            var rejected: FileByteSink
            do { rejected = try FileByteSink(path: rejectedPath) } catch {
                callable.discard()
                throw error
            }
            do {
                let (summary, keys) = try washWithKeys(source: source, callable: &callable, rejected: &rejected, progress: progress)
                try callable.commit()
                try rejected.commit()
                if let keysPath {
                    do { try Data(keys.serialized()).write(to: URL(fileURLWithPath: keysPath), options: .atomic) } catch {
                        throw ByteIOError(target: keysPath, detail: "\(error)")
                    }
                }
                return summary
            } catch {
                callable.discard()
                rejected.discard()
                throw error
            }
        } catch let error as WashError {
            throw error
        } catch let error as ByteIOError {
            throw .io(error)
        } catch {
            throw .io(ByteIOError(target: inputPath, detail: "\(error)"))
        }
    }
}
