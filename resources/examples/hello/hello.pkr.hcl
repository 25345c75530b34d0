# A small pipeline: a null machine configured by shell-local, and a Debian
# container image, each recorded in a manifest with checksums.
packer {
  required_version = ">= 1.6.0"
}

variable "greeting" {
  type        = string
  default     = "hello from kiln"
  description = "What the provisioner prints."
}

variable "api_token" {
  type      = string
  default   = "s3cr3t-t0ken"
  sensitive = true
}

locals {
  stamp      = formatdate("YYYYMMDD", timestamp())
  image_name = "kiln-hello-${local.stamp}"
}

source "null" "local" {
  communicator = "none"
}

source "docker" "debian" {
  image  = "debian:bookworm-slim"
  commit = true
  changes = [
    "LABEL org.kiln.example=hello",
    "CMD [\"/bin/bash\"]",
  ]
}

build {
  name    = "hello"
  sources = ["source.null.local", "source.docker.debian"]

  provisioner "shell-local" {
    only   = ["null.local"]
    inline = ["echo ${var.greeting}", "echo building ${local.image_name}"]
  }

  provisioner "shell" {
    only   = ["docker.debian"]
    inline = ["echo ${var.greeting} > /etc/motd"]
  }

  post-processors {
    post-processor "manifest" {
      output     = "manifest.json"
      strip_path = true
    }
    post-processor "checksum" {
      checksum_types = ["sha256"]
    }
  }
}
