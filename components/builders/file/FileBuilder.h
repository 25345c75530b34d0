#pragma once

#include "components/builders/file/FileBuilderSettings.h"
#include "engine/build/Builder.h"

namespace kiln::components {

// source "file": writes a file from `content` or a copy of `source` to `target`, runs the
// provisioners without a machine (on Packer's mock communicator), and returns the file as the
// artifact. Packer's builder/file: builder id "packer.file", artifact id "File", string
// "Stored file: <target>".
class FileBuilder : public build::Builder
{
public:
    static constexpr const char *builderId = "packer.file";

    build::PrepareResult prepare(const build::ComponentConfig &config) override;
    build::ArtifactPtr run(build::BuildContext &ctx) override;

private:
    FileBuilderSettings m_settings;
};

} // namespace kiln::components
