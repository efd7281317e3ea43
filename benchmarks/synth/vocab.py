"""Words the synthetic tutorials are made of: apps, services, UI labels, sentence patterns.

Names are invented (syllable pairs) so that thousands of tutorials still spread over
realistic catalogue groups: most are Azure AD SaaS app tutorials, the rest belong to a
score of other Azure services, as in the real corpus.
"""

from __future__ import annotations

APP_HEADS = (
    "Abin",
    "Bime",
    "Clari",
    "Corner",
    "Net",
    "Pano",
    "Jive",
    "Asana",
    "Bamboo",
    "Blue",
    "Benefit",
    "Hosted",
    "Work",
    "Zen",
    "Data",
    "Sales",
    "Task",
    "Cloud",
    "Team",
    "Field",
    "Ever",
    "Grid",
    "Peak",
    "Lumen",
    "Orbit",
    "Quant",
    "River",
    "Stone",
    "Tally",
    "Vault",
    "Wave",
    "Xeno",
)
APP_TAILS = (
    "tegro",
    "zen",
    "stone",
    "docs",
    "rama",
    "hub",
    "ly",
    "desk",
    "point",
    "flow",
    "works",
    "cloud",
    "solver",
    "graphite",
    "jeans",
    "base",
    "scape",
    "sync",
    "mint",
    "forge",
)
APP_PRODUCTS = ("", "", "", " Admin Console", " Personal Portal", " HR", " Enterprise", " OnDemand")

# The application whose tutorials carry region URLs the shared catalogue knows.
REGION_APPS = ("Mimecast Admin Console", "Mimecast Personal Portal")
REGION_URLS = (
    "https://webmail-uk.mimecast.com",
    "https://webmail-us.mimecast.com",
    "https://webmail-za.mimecast.com",
)

SAAS_SERVICE = "active-directory"
OTHER_SERVICES = (
    ("virtual-machines", "a Windows virtual machine"),
    ("virtual-network", "a virtual network"),
    ("dns", "a DNS zone"),
    ("sql-database", "an Azure SQL database"),
    ("sql-data-warehouse", "a SQL data warehouse"),
    ("app-service-web", "a web app backup"),
    ("storsimple", "a StorSimple device"),
    ("service-bus", "a Service Bus queue"),
    ("media-services", "a Media Services account"),
    ("api-management", "an API Management instance"),
    ("service-fabric", "a Service Fabric cluster"),
    ("mobile-services", "a mobile service"),
    ("application-gateway", "an application gateway probe"),
    ("batch", "a Batch account"),
    ("expressroute", "an ExpressRoute circuit"),
    ("azure-functions", "a function app"),
    ("traffic-manager", "a Traffic Manager endpoint"),
    ("cloud-services", "a cloud service role"),
    ("storage", "a storage account"),
    ("key-vault", "a key vault"),
)
OTHER_VERBS = ("Create", "Configure", "Back up", "Restore", "Manage", "Monitor", "Scale", "Secure")

AUTHORS = ("MarkusVi", "jeevansd", "asmalser", "cephalin", "genlin", "jimbe", "sethmanheim", "mimckitt")

LABELS = (
    "Active Directory",
    "Applications",
    "Add",
    "Enterprise applications",
    "All applications",
    "New application",
    "Single sign-on",
    "SAML",
    "Users and groups",
    "Assign",
    "Save",
    "Next",
    "Complete",
    "Properties",
    "Overview",
    "Settings",
    "Security",
    "Provisioning",
    "Automatic",
    "Certificate (Base64)",
    "Download",
    "Edit",
    "Create",
    "Review + create",
    "Networking",
    "Access policies",
    "Resource group",
    "Subscription",
    "Region",
    "Configure",
    "Monitoring",
)
FIELDS = (
    "Identifier",
    "Reply URL",
    "Sign on URL",
    "Description",
    "Name",
    "Entity ID",
    "Tenant URL",
    "Secret Token",
    "Display name",
    "Pricing tier",
    "Resource group",
    "Location",
    "Port",
)
VALUE_LABELS = ("Issuer URL", "Remote Login URL", "Remote Logout URL", "Azure AD Identifier", "Login URL")
PLACES = ("Azure Management Portal", "Azure portal", "Azure classic portal", "Azure AD portal")
PANES = ("left navigation pane", "top menu", "command bar", "toolbar at the bottom of the page")
LINKS = (
    ("How to convert a binary certificate into a text file", "http://youtu.be/PlgrzUZ-Y1o"),
    ("Introduction to the Access Panel", "https://msdn.microsoft.com/library/dn308586"),
    ("get a one-month trial", "https://azure.microsoft.com/pricing/free-trial/"),
    ("Azure portal", "https://portal.azure.com"),
)
FILLER = (
    "The objective of this section is to outline how to complete this part of the configuration.",
    "Keep the browser window with the Azure portal open; you come back to it in a later step.",
    "The scenario outlined in this tutorial assumes that you already have a valid Azure subscription.",
    "After completing these steps, the users you have assigned can sign in with their work accounts.",
    "If you are not familiar with this procedure, read the overview before you continue.",
    "Changes can take a few minutes to reach every region, so wait before testing the result.",
    "To test the steps in this tutorial, we do not recommend using a production environment.",
    "This setting applies to every user in the directory unless you scope it to a group.",
)
CALLOUT_TEXTS = (
    "The sign on URL is region specific.",
    "Changing this value later signs out every user who is signed in.",
    "For more details, see the application's own administrator guide.",
    "The token is shown once. Store it somewhere safe before you close the page.",
    "Don't paste the certificate into a chat or mail client: a line break makes it unreadable.",
)
