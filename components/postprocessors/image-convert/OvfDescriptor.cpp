#include "components/postprocessors/image-convert/OvfDescriptor.h"

#include <QXmlStreamWriter>

namespace kiln::components {

namespace {

const QString kOvf = QStringLiteral("http://schemas.dmtf.org/ovf/envelope/1");
const QString kRasd = QStringLiteral(
    "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData");
const QString kVssd = QStringLiteral(
    "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData");
const QString kVmw = QStringLiteral("http://www.vmware.com/schema/ovf");

// One <Item> of the hardware section. CIM requires its rasd elements in alphabetical
// order, so callers list them sorted.
void item(QXmlStreamWriter &xml, const QList<QPair<QString, QString>> &fields)
{
    xml.writeStartElement(kOvf, QStringLiteral("Item"));
    for (const auto &[key, value] : fields)
        xml.writeTextElement(kRasd, key, value);
    xml.writeEndElement();
}

} // namespace

QByteArray OvfDescriptor::toXml() const
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeNamespace(kOvf, QStringLiteral("ovf"));
    xml.writeNamespace(kRasd, QStringLiteral("rasd"));
    xml.writeNamespace(kVssd, QStringLiteral("vssd"));
    xml.writeNamespace(kVmw, QStringLiteral("vmw"));
    xml.writeDefaultNamespace(kOvf);
    xml.writeStartElement(kOvf, QStringLiteral("Envelope"));
    xml.writeAttribute(kOvf, QStringLiteral("version"), QStringLiteral("1.0"));

    xml.writeStartElement(kOvf, QStringLiteral("References"));
    xml.writeEmptyElement(kOvf, QStringLiteral("File"));
    xml.writeAttribute(kOvf, QStringLiteral("href"), diskFile);
    xml.writeAttribute(kOvf, QStringLiteral("id"), QStringLiteral("file1"));
    xml.writeAttribute(kOvf, QStringLiteral("size"), QString::number(diskFileSize));
    xml.writeEndElement();

    xml.writeStartElement(kOvf, QStringLiteral("DiskSection"));
    xml.writeTextElement(kOvf, QStringLiteral("Info"), QStringLiteral("Virtual disk information"));
    xml.writeEmptyElement(kOvf, QStringLiteral("Disk"));
    xml.writeAttribute(kOvf, QStringLiteral("capacity"), QString::number(capacity));
    xml.writeAttribute(kOvf, QStringLiteral("capacityAllocationUnits"), QStringLiteral("byte"));
    xml.writeAttribute(kOvf, QStringLiteral("diskId"), QStringLiteral("vmdisk1"));
    xml.writeAttribute(kOvf, QStringLiteral("fileRef"), QStringLiteral("file1"));
    xml.writeAttribute(kOvf, QStringLiteral("format"),
        QStringLiteral(
            "http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized"));
    xml.writeEndElement();

    xml.writeStartElement(kOvf, QStringLiteral("NetworkSection"));
    xml.writeTextElement(
        kOvf, QStringLiteral("Info"), QStringLiteral("The list of logical networks"));
    xml.writeStartElement(kOvf, QStringLiteral("Network"));
    xml.writeAttribute(kOvf, QStringLiteral("name"), QStringLiteral("nat"));
    xml.writeTextElement(kOvf, QStringLiteral("Description"), QStringLiteral("The nat network"));
    xml.writeEndElement();
    xml.writeEndElement();

    xml.writeStartElement(kOvf, QStringLiteral("VirtualSystem"));
    xml.writeAttribute(kOvf, QStringLiteral("id"), name);
    xml.writeTextElement(kOvf, QStringLiteral("Info"), QStringLiteral("A virtual machine"));
    xml.writeTextElement(kOvf, QStringLiteral("Name"), name);
    // 101: CIM's "Linux 64-Bit"; the image's guest is not known, this is the usual choice of
    // generic Linux exports and only sets the hypervisor's defaults.
    xml.writeStartElement(kOvf, QStringLiteral("OperatingSystemSection"));
    xml.writeAttribute(kOvf, QStringLiteral("id"), QStringLiteral("101"));
    xml.writeAttribute(kVmw, QStringLiteral("osType"), QStringLiteral("otherLinux64Guest"));
    xml.writeTextElement(kOvf, QStringLiteral("Info"),
        QStringLiteral("The kind of installed guest operating system"));
    xml.writeEndElement();

    xml.writeStartElement(kOvf, QStringLiteral("VirtualHardwareSection"));
    xml.writeTextElement(
        kOvf, QStringLiteral("Info"), QStringLiteral("Virtual hardware requirements"));
    xml.writeStartElement(kOvf, QStringLiteral("System"));
    xml.writeTextElement(
        kVssd, QStringLiteral("ElementName"), QStringLiteral("Virtual Hardware Family"));
    xml.writeTextElement(kVssd, QStringLiteral("InstanceID"), QStringLiteral("0"));
    xml.writeTextElement(kVssd, QStringLiteral("VirtualSystemIdentifier"), name);
    xml.writeTextElement(kVssd, QStringLiteral("VirtualSystemType"), QStringLiteral("vmx-10"));
    xml.writeEndElement();
    const QString n = QString::number(cpus), mb = QString::number(memoryMb);
    item(xml,
        {{"AllocationUnits", "hertz * 10^6"}, {"Description", "Number of Virtual CPUs"},
            {"ElementName", n + " virtual CPU(s)"}, {"InstanceID", "1"}, {"ResourceType", "3"},
            {"VirtualQuantity", n}});
    item(xml,
        {{"AllocationUnits", "byte * 2^20"}, {"Description", "Memory Size"},
            {"ElementName", mb + "MB of memory"}, {"InstanceID", "2"}, {"ResourceType", "4"},
            {"VirtualQuantity", mb}});
    if (adapterType == QLatin1String("ide"))
        item(xml,
            {{"Address", "0"}, {"Description", "IDE Controller"}, {"ElementName", "IDE 0"},
                {"InstanceID", "3"}, {"ResourceSubType", "PIIX4"}, {"ResourceType", "5"}});
    else
        item(xml,
            {{"Address", "0"}, {"Description", "SCSI Controller"},
                {"ElementName", "SCSI Controller 0"}, {"InstanceID", "3"},
                {"ResourceSubType", adapterType}, {"ResourceType", "6"}});
    item(xml,
        {{"AddressOnParent", "0"}, {"ElementName", "Hard Disk 1"},
            {"HostResource", "ovf:/disk/vmdisk1"}, {"InstanceID", "4"}, {"Parent", "3"},
            {"ResourceType", "17"}});
    item(xml,
        {{"AutomaticAllocation", "true"}, {"Connection", "nat"},
            {"Description", "E1000 ethernet adapter on nat"}, {"ElementName", "Ethernet 1"},
            {"InstanceID", "5"}, {"ResourceSubType", "E1000"}, {"ResourceType", "10"}});
    xml.writeEndElement(); // VirtualHardwareSection
    xml.writeEndElement(); // VirtualSystem
    xml.writeEndElement(); // Envelope
    xml.writeEndDocument();
    return out;
}

} // namespace kiln::components
