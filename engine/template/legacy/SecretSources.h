#pragma once

#include "engine/template/legacy/InterpolateContext.h"

#include <QString>

namespace kiln::tmpl::legacy {

// The network-backed template functions: Consul KV (consul_key), Vault
// (vault) and AWS Secrets Manager (aws_secretsmanager). They read the same
// environment as Packer's clients (CONSUL_HTTP_ADDR, CONSUL_HTTP_TOKEN,
// CONSUL_HTTP_SSL, VAULT_ADDR, VAULT_TOKEN, AWS_REGION, AWS_DEFAULT_REGION,
// AWS_PROFILE, AWS_ACCESS_KEY_ID...) and fail with Packer's messages, e.g.
// `error reading consul key: Get "http://127.0.0.1:8500/v1/kv/k": dial tcp
// 127.0.0.1:8500: connect: connection refused`. Requests are plain blocking
// HTTP/1.1 with a 10 s timeout; this layer has no TLS, so an https endpoint
// that accepts the connection is reported as an error naming the URL.
class SecretSources
{
public:
    static QString consulKey(const QString &key, const InterpolateContext &ctx, QString &error);
    static QString vault(const QString &path, const QString &key, const InterpolateContext &ctx,
                         QString &error);
    static QString awsSecret(const QString &name, const QString &key, bool raw,
                             const InterpolateContext &ctx, QString &error);
};

} // namespace kiln::tmpl::legacy
