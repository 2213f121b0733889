// What a contact's VOG (Certificate of Conduct) check state says, for the staff screens.
import { t } from "../lib/i18n.js";

export const SCREENING_STATUS = {
  checked: () => t("VOG checked"),
  missing: () => t("No VOG check recorded"),
  expired: () => t("The VOG check has ended"),
  not_required: () => t("No VOG check needed for this kind of contact"),
};
