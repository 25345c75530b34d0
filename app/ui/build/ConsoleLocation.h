#pragma once

#include <QString>

namespace kiln::ui {

// A template position named in a console line, which the console turns into a link:
// HCL's "on FILE line N" (diagnostics), hcl.Range's "FILE:3,5-9" and the common
// "FILE:LINE:COL" of tools.
struct ConsoleLocation
{
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty() && line > 0; }

    static ConsoleLocation find(const QString &text);
    // The link target stored in the console's text ("kiln-location:LINE:COL:FILE").
    QString toHref() const;
    static ConsoleLocation fromHref(const QString &href);
};

} // namespace kiln::ui
