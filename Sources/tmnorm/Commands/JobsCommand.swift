import ArgumentParser
import Foundation
import TMNormServer

/// `tmnorm jobs list` and `tmnorm jobs run NAME [--once]`: background jobs on the command line.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List background jobs, or run one.", subcommands: [List.self, Run.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Every job: its schedule, last and next run, open and dead runs.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let text = try await ServerBootstrap.withApplication(config: database.config()) { app in
                try await JobRunner.describe(app)
            }
            print(text)
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run one job: now and once with --once; otherwise on its schedule until interrupted.",
            discussion: """
                Without --once the command works the job's schedule alongside any running servers: each slot \
                runs once in all, whichever process takes it.
                """)

        @Argument(help: "The job's name (see `tmnorm jobs list`).")
        var name: String

        @Flag(name: .long, help: "Run the job now, once, and exit (status 1 if it failed).")
        var once = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let name = self.name
            let once = self.once
            try await ServerBootstrap.withApplication(config: database.config()) { app in
                guard JobRunner.names(app).contains(name) else {
                    throw ValidationError("no job is named \(name); known: \(JobRunner.names(app).joined(separator: ", "))")
                }
                if once {
                    let run = try await JobRunner.runNow(name, app: app)
                    guard run.status == .done else {
                        FileHandle.standardError.write(Data("\(name) failed: \(run.lastError ?? "unknown error")\n".utf8))
                        throw ExitCode(1)
                    }
                    print("\(name): \(run.result ?? "nothing to do")")
                    return
                }
                while !Task.isCancelled {
                    for run in try await JobRunner.runDue(app, only: [name]) {
                        // Written at once, line by line: the command often runs under a supervisor that reads its output.
                        let line = "\(name): \(run.status.rawValue)\(run.result.map { " – \($0)" } ?? "")\(run.lastError.map { " – \($0)" } ?? "")\n"
                        FileHandle.standardOutput.write(Data(line.utf8))
                    }
                    try await Task.sleep(nanoseconds: 1_000_000_000)
                }
            }
        }
    }
}
