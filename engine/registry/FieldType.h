#pragma once

#include <QString>

namespace kiln::registry {

// The kind of value a configuration key accepts. Duration, Path and Enum are all strings
// on the wire (HCL2 and JSON alike); the distinction exists so the inspector can pick a
// fitting editor and the validator can check the string's shape.
enum class FieldType {
    String,
    Number,
    Bool,
    Duration, // Go time.ParseDuration syntax: "30s", "5m", "1h30m"
    Path, // a local file or directory path; see PathKind
    Enum, // a string restricted to Field::enumValues()
    List, // homogeneous list; element type in Field::element()
    Map, // string-keyed map; element type in Field::element()
    Block, // nested block with its own ConfigSchema (single or repeatable)
    Any, // free-form value (object, tuple, ...), passed through untouched
};

enum class PathKind { File, Directory, FileOrDirectory };

// Lower-case names used by `inspect` and the designer: "string", "duration", "list", ...
QString fieldTypeName(FieldType type);

} // namespace kiln::registry
