import SystemPackage

/// A file or directory that cannot be used: its path, what was being done, and the reason in
/// words, printed as `PATH: cannot create the lock file: permission denied` (or `PATH: no such
/// directory` when the reason says it all). The system's error numbers are put into words in one
/// place, `Errno.words(expecting:)` (docs/files.md, "Error messages").
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    /// What failed ("cannot create the lock file"), nil when the reason alone says it.
    public let action: String?
    public let reason: String
    /// The system's error number, when a system call failed.
    public let code: Errno?

    public init(path: String, action: String? = nil, reason: String, code: Errno? = nil) {
        self.path = path
        self.action = action
        self.reason = reason
        self.code = code
    }

    /// The failure `code` of `action` on `path`, which should name a `kind`.
    public init(path: String, action: String? = nil, _ code: Errno, expecting kind: FileKind = .file) {
        self.init(path: path, action: action, reason: code.words(expecting: kind), code: code)
    }

    /// The failure of `action` on `path` thrown by a swift-system call (an `Errno`; any other
    /// error is described as the system describes it).
    public init(path: String, action: String? = nil, _ error: any Error, expecting kind: FileKind = .file) {
        if let code = error as? Errno {
            self.init(path: path, action: action, code, expecting: kind)
        } else {
            self.init(path: path, action: action, reason: "\(error)")
        }
    }

    /// The reason, after the action when there is one.
    public var explanation: String { action.map { "\($0): \(reason)" } ?? reason }

    public var description: String { "\(path): \(explanation)" }
}

/// What a path should name, for the words of a failure (`no such file` or `no such directory`).
public enum FileKind: Sendable {
    case file, directory
}

extension Errno {
    /// The reason in words, for a path that should name a `kind`: the one table of the messages
    /// cchsim prints for a failed system call on a file (docs/files.md, "Error messages").
    public func words(expecting kind: FileKind = .file) -> String {
        switch self {
        case .noSuchFileOrDirectory: kind == .directory ? "no such directory" : "no such file"
        case .permissionDenied: "permission denied"
        case .notPermitted: "operation not permitted"
        case .notDirectory: "a part of the path is a file, not a directory"
        case .isDirectory: "is a directory, expected a file"
        case .tooManySymbolicLinkLevels: "too many levels of symbolic links (a symlink loop?)"
        case .fileNameTooLong: "the name is too long"
        case .noSpace: "no space left on the device"
        case .diskQuotaExceeded: "the disk quota is exceeded"
        case .readOnlyFileSystem: "read-only file system"
        case .fileTooLarge: "the file is too large"
        case .fileExists: "already exists"
        case .directoryNotEmpty: "the directory is not empty"
        case .improperLink: "on another file system"
        case .tooManyOpenFiles, .tooManyOpenFilesInSystem: "too many open files"
        case .ioError: "input/output error (a failing disk or a lost network file system?)"
        case .resourceBusy, .textFileBusy: "busy"
        case .badFileDescriptor: "it is closed"
        case .brokenPipe: "the reader has gone (broken pipe)"
        case .noSuchAddressOrDevice, .operationNotSupportedByDevice: "no such device"
        case .noLocks: "no locks available (the file system does not support locking)"
        case .resourceTemporarilyUnavailable: "temporarily unavailable"
        case .invalidArgument: "invalid argument"
        default: description.prefix(1).lowercased() + description.dropFirst()
        }
    }
}
