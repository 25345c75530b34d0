// Kiln's own post-processor (Packer has no equivalent; `kiln export` warns about it).

#include "components/Descriptions.h"
#include "components/postprocessors/s3-upload/S3UploadPostProcessorSettings.h"
#include "engine/build/ComponentSettings.h"

namespace kiln::components {

using namespace kiln::registry;

ComponentDescriptor s3UploadPostProcessorDescription()
{
    ConfigSchema s;
    s.add(Field::string("bucket").markRequired().withHelp(
        "The bucket the artifact's files are uploaded to."));
    s.add(Field::string("key_prefix")
              .withHelp("Prepended to each file's base name to make its object key, e.g. "
                        "\"images/{{.BuildName}}/\" (a template with BuildName, BuilderType and "
                        "the build's "
                        "generated data). Empty: the key is the base name."));
    s.add(Field::string("region").withHelp(
        "The bucket's region. Defaults to AWS_REGION, AWS_DEFAULT_REGION, the profile's region "
        "in the AWS config file, then us-east-1. Custom endpoints sign with it too."));
    s.add(
        Field::string("endpoint")
            .withHelp(
                "An S3-compatible endpoint, e.g. \"http://127.0.0.1:9000\" (MinIO, Ceph, s3rver). "
                "Empty: AWS S3 in the region."));
    s.add(Field::boolean("force_path_style")
              .withHelp("Address objects as ENDPOINT/BUCKET/KEY instead of BUCKET.ENDPOINT/KEY. "
                        "Defaults to "
                        "true for a custom endpoint and false for AWS."));
    s.add(Field::string("access_key")
              .markSensitive()
              .withHelp(
                  "The access key id. Empty: the AWS credential chain (AWS_ACCESS_KEY_ID, then the "
                  "profile in the shared credentials and config files)."));
    s.add(Field::string("secret_key")
              .markSensitive()
              .withHelp("The secret access key; set together with access_key."));
    s.add(
        Field::string("session_token")
            .markSensitive()
            .withHelp(
                "An STS session token for temporary credentials (sent as X-Amz-Security-Token)."));
    s.add(Field::string("profile").withHelp(
        "The profile to read from the shared credentials and config files. Defaults to "
        "AWS_PROFILE, then \"default\"; when set, it wins over AWS_ACCESS_KEY_ID."));
    s.add(Field::path("shared_credentials_file", PathKind::File)
              .withDefault("~/.aws/credentials")
              .withHelp("The shared credentials file. Defaults to AWS_SHARED_CREDENTIALS_FILE, "
                        "then ~/.aws/credentials."));
    s.add(Field::path("config_file", PathKind::File)
              .withDefault("~/.aws/config")
              .withHelp("The AWS config file (profiles as [profile NAME]). Defaults to "
                        "AWS_CONFIG_FILE, then ~/.aws/config."));
    s.add(Field::enumeration("storage_class",
        {"STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
            "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE"})
              .withHelp("The objects' storage class. Empty: the bucket's default (STANDARD)."));
    s.add(Field::enumeration("acl",
        {"private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
            "bucket-owner-read", "bucket-owner-full-control"})
              .withHelp("A canned ACL for the objects. Empty: the bucket's default."));
    s.add(Field::string("content_type")
              .withDefault("application/octet-stream")
              .withHelp("The objects' Content-Type."));
    s.add(Field::number("part_size")
              .withDefault("16777216")
              .withHelp("Files larger than this many bytes are uploaded in parts of this size "
                        "(multipart upload; at least 5 MiB, grown for files above 10,000 parts). "
                        "A failed or cancelled multipart upload is aborted."));
    s.add(Field::number("parallel_parts")
              .withDefault("4")
              .withHelp("How many parts of a multipart upload are sent at once, each on its own "
                        "connection (and in memory)."));
    s.add(Field::boolean("checksum_metadata")
              .withDefault("true")
              .withHelp("Store each file's SHA-256 (hex) as object metadata x-amz-meta-sha256. "
                        "Every request carries Content-MD5 either way."));
    s.add(Field::number("max_retries")
              .withDefault("4")
              .withHelp("Retries of a request after a connection error, timeout, 5xx or 429, "
                        "with exponential backoff."));
    s.add(Field::duration("retry_delay")
              .withDefault("500ms")
              .withHelp("The first retry's delay; each next one doubles it (at most 20s)."));

    ComponentDescriptor d;
    d.kind = ComponentKind::PostProcessor;
    d.typeName = "s3-upload";
    d.displayName = "S3 upload";
    d.description = "Uploads the artifact's files to S3 or an S3-compatible store (Kiln only).";
    d.iconName = "postprocessor-s3-upload";
    d.schema = s;
    d.settings = build::settingsReader<S3UploadPostProcessorSettings>();
    return d;
}

} // namespace kiln::components
