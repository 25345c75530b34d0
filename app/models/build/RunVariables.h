#pragma once

#include <QList>
#include <QString>

namespace kiln::models {

// An input variable a run can set, as the Run dialog offers it.
struct RunVariable
{
    QString name;
    QString type; // "string", "list of number", ...; empty for legacy templates
    QString description;
    QString defaultText; // the default as Packer prints it; empty for sensitive ones
    bool hasDefault = false; // false: the run fails unless a value is given
    bool sensitive = false;
};

// The input variables of the template at `path` (a *.pkr.hcl / *.pkr.json file, a
// directory of them, or a legacy JSON template), sorted by name. Reads only the files and
// the variables' declarations: no -var values, no environment. A template that does not
// parse yields what could be read, and `error` (if given) says why the rest is missing.
QList<RunVariable> runVariablesOf(const QString &path, QString *error = nullptr);

} // namespace kiln::models
