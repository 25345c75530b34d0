#pragma once

#include "engine/registry/ConfigSchema.h"

// Settings that several components embed, mirroring the structs the Packer plugins share
// (packer-plugin-sdk communicator.Config, commonsteps.HTTPConfig, ...; a plugin's own common
// package). Each returns the fields in the order the plugin declares them.

namespace kiln::components {

// packer-plugin-amazon common AMIConfig
kiln::registry::ConfigSchema amazonAMIConfigFields();
// packer-plugin-amazon common AccessConfig
kiln::registry::ConfigSchema amazonAccessConfigFields();
// packer-plugin-amazon common AmiFilterOptions
kiln::registry::ConfigSchema amazonAmiFilterOptionsFields();
// packer-plugin-amazon common RunConfig
kiln::registry::ConfigSchema amazonRunConfigFields();
// packer-plugin-sdk bootcommand BootConfig
kiln::registry::ConfigSchema bootConfigFields();
// packer-plugin-sdk multistep/commonsteps CDConfig
kiln::registry::ConfigSchema cdConfigFields();
// packer-plugin-sdk communicator Config
kiln::registry::ConfigSchema communicatorFields();

// The settings the shell-local provisioner and post-processor share.
kiln::registry::ConfigSchema shellLocalFields();
// packer-plugin-docker builder/docker AwsAccessConfig
kiln::registry::ConfigSchema dockerAwsAccessConfigFields();
// packer-plugin-sdk multistep/commonsteps FloppyConfig
kiln::registry::ConfigSchema floppyConfigFields();
// packer-plugin-sdk multistep/commonsteps HTTPConfig
kiln::registry::ConfigSchema httpConfigFields();
// packer-plugin-sdk multistep/commonsteps ISOConfig
kiln::registry::ConfigSchema isoConfigFields();
// packer-plugin-sdk template/config NameValueFilter
kiln::registry::ConfigSchema nameValueFilterFields();
// packer-plugin-sdk shell Provisioner
kiln::registry::ConfigSchema shellProvisionerFields();
// packer-plugin-sdk shell ProvisionerRemoteSpecific
kiln::registry::ConfigSchema shellRemoteFields();
// packer-plugin-sdk shutdowncommand ShutdownConfig
kiln::registry::ConfigSchema shutdownConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common CommConfig
kiln::registry::ConfigSchema virtualboxCommConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common ExportConfig
kiln::registry::ConfigSchema virtualboxExportConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common GuestAdditionsConfig
kiln::registry::ConfigSchema virtualboxGuestAdditionsConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common HWConfig
kiln::registry::ConfigSchema virtualboxHWConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common OutputConfig
kiln::registry::ConfigSchema virtualboxOutputConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common RunConfig
kiln::registry::ConfigSchema virtualboxRunConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common ShutdownConfig
kiln::registry::ConfigSchema virtualboxShutdownConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common VBoxBundleConfig
kiln::registry::ConfigSchema virtualboxVBoxBundleConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common VBoxManageConfig
kiln::registry::ConfigSchema virtualboxVBoxManageConfigFields();
// packer-plugin-virtualbox builder/virtualbox/common VBoxVersionConfig
kiln::registry::ConfigSchema virtualboxVBoxVersionConfigFields();
// packer-plugin-vmware builder/vmware/common DiskConfig
kiln::registry::ConfigSchema vmwareDiskConfigFields();
// packer-plugin-vmware builder/vmware/common DriverConfig
kiln::registry::ConfigSchema vmwareDriverConfigFields();
// packer-plugin-vmware builder/vmware/common ExportConfig
kiln::registry::ConfigSchema vmwareExportConfigFields();
// packer-plugin-vmware builder/vmware/common HWConfig
kiln::registry::ConfigSchema vmwareHWConfigFields();
// packer-plugin-vmware builder/vmware/common OutputConfig
kiln::registry::ConfigSchema vmwareOutputConfigFields();
// packer-plugin-vmware builder/vmware/common RunConfig
kiln::registry::ConfigSchema vmwareRunConfigFields();
// packer-plugin-vmware builder/vmware/common SSHConfig
kiln::registry::ConfigSchema vmwareSSHConfigFields();
// packer-plugin-vmware builder/vmware/common ToolsConfig
kiln::registry::ConfigSchema vmwareToolsConfigFields();
// packer-plugin-vmware builder/vmware/common VMXConfig
kiln::registry::ConfigSchema vmwareVMXConfigFields();
// packer-plugin-sdk bootcommand VNCConfig
kiln::registry::ConfigSchema vncBootConfigFields();
// packer-plugin-vmware before 2.0: remote ESXi builds (handwritten, all deprecated)
kiln::registry::ConfigSchema vmwareLegacyEsxiFields();

} // namespace kiln::components
