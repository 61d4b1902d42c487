// office-addin-mock reads only the OfficeApp enum from office-addin-manifest, whose own
// dependencies are ES modules Jest cannot require; the tests map it to this enum.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
