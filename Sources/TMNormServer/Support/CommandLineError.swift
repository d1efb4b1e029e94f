/// A failure of a command-line operation, with a message for the terminal.
public struct CommandLineError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
