import Foundation

/// Reading back the JSON files cchsim writes (run metadata, checkpoints), for assertions.
public enum JSONFile {
    /// The top-level object of a JSON text; nil when the text is not a JSON object.
    public static func object(_ data: Data) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
