// csvdecode: cty's stdlib csv.go on a reader that follows Go's encoding/csv
// (RFC 4180, blank lines skipped, "\r\n" read as "\n", strict quoting) and its
// error texts.

#include "engine/hcl/functions/FunctionSupport.h"
#include "engine/hcl/functions/StandardFunctions.h"

namespace kiln::hcl::functions {

namespace {

    class CsvReader
    {
    public:
        explicit CsvReader(const QString &text)
            : s(text)
        {
            s.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        }

        int fieldsPerRecord = 0; // 0: set from the first record
        int line = 1;

        // nullopt at end of input; *error set on a parse error.
        std::optional<QStringList> read(QString *error)
        {
            // Skip blank lines as Go does.
            while (p < s.size() && s[p] == QLatin1Char('\n')) {
                ++p;
                ++line;
            }
            if (p >= s.size())
                return std::nullopt;
            const int recordLine = line;
            QStringList fields;
            while (true) {
                QString field;
                if (p < s.size() && s[p] == QLatin1Char('"')) {
                    ++p;
                    while (true) {
                        if (p >= s.size()) {
                            *error = QStringLiteral("CSV parse error on line %1: extraneous or missing \" in quoted-field").arg(line);
                            return std::nullopt;
                        }
                        const QChar c = s[p++];
                        if (c == QLatin1Char('"')) {
                            if (p < s.size() && s[p] == QLatin1Char('"')) {
                                field += c;
                                ++p;
                                continue;
                            }
                            if (p < s.size() && s[p] != QLatin1Char(',') && s[p] != QLatin1Char('\n')) {
                                *error = QStringLiteral("CSV parse error on line %1: extraneous or missing \" in quoted-field").arg(line);
                                return std::nullopt;
                            }
                            break;
                        }
                        if (c == QLatin1Char('\n'))
                            ++line;
                        field += c;
                    }
                } else {
                    while (p < s.size() && s[p] != QLatin1Char(',') && s[p] != QLatin1Char('\n')) {
                        if (s[p] == QLatin1Char('"')) {
                            *error = QStringLiteral("CSV parse error on line %1: bare \" in non-quoted-field").arg(line);
                            return std::nullopt;
                        }
                        field += s[p++];
                    }
                }
                fields.append(field);
                if (p < s.size() && s[p] == QLatin1Char(',')) {
                    ++p;
                    continue;
                }
                if (p < s.size() && s[p] == QLatin1Char('\n')) {
                    ++p;
                    ++line;
                }
                break;
            }
            if (fieldsPerRecord == 0)
                fieldsPerRecord = int(fields.size());
            else if (fields.size() != fieldsPerRecord) {
                *error = QStringLiteral("CSV parse error on line %1: wrong number of fields").arg(recordLine);
                return std::nullopt;
            }
            return fields;
        }

    private:
        QString s;
        qsizetype p = 0;
    };

} // namespace

void addCsvFunctions(FunctionTable &t)
{
    add(t, typedFunction(
               QStringLiteral("csvdecode"), QStringLiteral("Parses the given string as Comma Separated Values (as defined by RFC 4180) and returns a map of objects representing the table of data, using the first row as a header row to define the object attributes."),
               {param(QStringLiteral("str"), Type::string())},
               [](const QList<Value> &a, FunctionError &err) -> std::optional<Type> {
                   if (!a[0].isKnown())
                       return Type::dynamic();
                   CsvReader r(a[0].asString());
                   QString why;
                   std::optional<QStringList> headers = r.read(&why);
                   if (!headers) {
                       if (!why.isEmpty())
                           return failType(err, -1, why);
                       return failType(err, -1, QStringLiteral("missing header line"));
                   }
                   QMap<QString, Type> attrs;
                   for (const QString &h : *headers) {
                       if (attrs.contains(h))
                           return failType(err, -1, QStringLiteral("duplicate column name %1").arg(goQuote(h)));
                       attrs.insert(h, Type::string());
                   }
                   return Type::list(Type::object(attrs));
               },
               [](const QList<Value> &a, const Type &ret, FunctionError &err) {
                   CsvReader r(a[0].asString());
                   QString why;
                   const QStringList headers = *r.read(&why);
                   QList<Value> rows;
                   while (true) {
                       std::optional<QStringList> cols = r.read(&why);
                       if (!cols) {
                           if (!why.isEmpty())
                               return fail(err, -1, why);
                           break;
                       }
                       QMap<QString, Value> vals;
                       for (int i = 0; i < cols->size(); ++i)
                           vals.insert(headers[i], Value::string(cols->at(i)));
                       rows.append(Value::object(vals));
                   }
                   return listOrEmpty(rows, ret.elementType());
               }));
}

} // namespace kiln::hcl::functions
