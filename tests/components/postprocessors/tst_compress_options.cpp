// The compress post-processor's settings: the format detected from `output` and `format`
// exactly as Packer's detectFromFilename, and compression_level's validation and defaults.

#include "tst_compress_support.h"

using namespace kiln::build;
using kiln::components::CompressPostProcessor;
using kiln::components::CompressPostProcessorSettings;
using kiln::hcl::Value;
using namespace compress_test;

class TestCompressOptions : public QObject
{
    Q_OBJECT

private slots:
    void detect_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("algorithm");
        // Packer's TestDetectFilename cases first.
        QTest::newRow("naked") << "test"
                               << ""
                               << "tar"
                               << "pgzip";
        QTest::newRow("zip") << "test.zip"
                             << ""
                             << "zip"
                             << "";
        QTest::newRow("lz4") << "test.lz4"
                             << ""
                             << ""
                             << "lz4";
        QTest::newRow("lots of dots") << "test.blah.bloo.blee.tar.lz4"
                                      << ""
                                      << "tar"
                                      << "lz4";
        QTest::newRow("default template") << "packer_{{.BuildName}}_{{.BuilderType}}"
                                          << ""
                                          << "tar"
                                          << "pgzip";
        QTest::newRow("tar.gz") << "out.tar.gz"
                                << ""
                                << "tar"
                                << "pgzip";
        QTest::newRow("tar") << "out.tar"
                             << ""
                             << "tar"
                             << "";
        QTest::newRow("gz") << "out.gz"
                            << ""
                            << ""
                            << "pgzip";
        QTest::newRow("tgz is unknown") << "out.tgz"
                                        << ""
                                        << "tar"
                                        << "pgzip";
        QTest::newRow("bgzf") << "out.bgzf"
                              << ""
                              << ""
                              << "bgzf";
        QTest::newRow("tar.xz") << "out.tar.xz"
                                << ""
                                << "tar"
                                << "xz";
        QTest::newRow("bzip2") << "out.bzip2"
                               << ""
                               << ""
                               << "bzip2";
        QTest::newRow("zst") << "out.zst"
                             << ""
                             << ""
                             << "zstd";
        QTest::newRow("tar.zstd") << "out.tar.zstd"
                                  << ""
                                  << "tar"
                                  << "zstd";
        QTest::newRow("format") << "y/out"
                                << "tar.xz"
                                << "tar"
                                << "xz";
        QTest::newRow("format zip") << "y/out"
                                    << "zip"
                                    << "zip"
                                    << "";
        QTest::newRow("uppercase ignored") << "out.TAR.GZ"
                                           << ""
                                           << "tar"
                                           << "pgzip";
    }
    void detect()
    {
        QFETCH(QString, output);
        QFETCH(QString, format);
        QFETCH(QString, archive);
        QFETCH(QString, algorithm);
        const auto d = CompressPostProcessorSettings::detect(output, format);
        QCOMPARE(d.archive, archive);
        QCOMPARE(d.algorithm, algorithm);
    }

    void levelValidation()
    {
        auto pp = createCompress();
        PrepareResult r
            = pp->prepare(config({{QStringLiteral("compression_level"), Value::number(-2)}}));
        QCOMPARE(r.errors,
            QStringList{
                QStringLiteral("Invalid compression level. Expected an integer from -1 to 9.")});
        auto capped = createCompress();
        QVERIFY(capped->prepare(config({{QStringLiteral("compression_level"), Value::number(42)}}))
                    .ok());
        QCOMPARE(static_cast<CompressPostProcessor *>(capped.get())->level(), 9);
        auto deflt = createCompress();
        QVERIFY(deflt->prepare(config({})).ok());
        QCOMPARE(static_cast<CompressPostProcessor *>(deflt.get())->level(), -1);
    }
};

QTEST_GUILESS_MAIN(TestCompressOptions)
#include "tst_compress_options.moc"
