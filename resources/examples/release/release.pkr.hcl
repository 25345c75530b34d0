# A release bundle built entirely on this machine: the file builder writes the release
# notes, a shell-local provisioner stamps them, and a post-processor chain turns them into
# a compressed archive, its checksums and a manifest entry.
variable "version" {
  type        = string
  default     = "1.0.0"
  description = "The version being released."
}

source "file" "notes" {
  content = "Release notes for version ${var.version}\n"
  target  = "release-notes-${var.version}.txt"
}

build {
  name    = "release"
  sources = ["source.file.notes"]

  provisioner "shell-local" {
    inline = ["echo packaging version ${var.version} on $(uname -s)"]
  }

  post-processors {
    post-processor "compress" {
      output            = "release-${var.version}.tar.gz"
      compression_level = 9
    }
    post-processor "checksum" {
      checksum_types = ["sha256", "md5"]
      output         = "release-${var.version}.{{.ChecksumType}}"
    }
    post-processor "manifest" {
      output     = "manifest.json"
      strip_path = true
    }
  }
}
