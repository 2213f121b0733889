import { t } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { ButtonLink, UserText } from "../ui/kit.jsx";
import { LocalizedText } from "../ui/Translated.jsx";

/** A person or organisation who helps, with one-tap call, WhatsApp and e-mail. */
export function ContactCard({ contact, topic, level = 3 }) {
  const Heading = `h${level}`;
  const links = contact.reach?.links || {};
  return (
    <li class="card contact" data-languages={(contact.languages || []).join(" ")}>
      <Heading><bdi>{contact.name}</bdi></Heading>
      <p class="meta">
        <span>{contact.kind_label}</span>
        {contact.organisation && <span><bdi>{contact.organisation}</bdi></span>}
      </p>
      <p class="meta">
        {contact.checked_by_municipality && <span class="badge badge-ok">{t("Checked by your municipality")}</span>}
        {contact.speaks_your_language && <span class="badge badge-ok">{t("Speaks your language")}</span>}
        {contact.lived_experience && <span class="badge">{t("Was new here once too")}</span>}
        {contact.assigned && <span class="badge">{t("Your contact person")}</span>}
      </p>
      {contact.languages?.length > 0 && (
        <p class="meta"><span>{t("Languages: {languages}",
          { languages: contact.languages.map(languageName).join(", ") })}</span></p>
      )}
      {contact.help?.text && <LocalizedText text={contact.help} field="text" />}
      {contact.reach?.opening_hours && <p class="meta"><UserText text={contact.reach.opening_hours} /></p>}
      <div class="btn-row">
        {links.phone && <ButtonLink href={links.phone} icon="phone">{t("Call")}</ButtonLink>}
        {links.whatsapp && (
          <ButtonLink href={links.whatsapp} icon="whatsapp" kind="secondary" target="_blank"
            rel="noopener noreferrer">WhatsApp</ButtonLink>
        )}
        {links.email && <ButtonLink href={links.email} icon="envelope" kind="secondary">{t("E-mail")}</ButtonLink>}
        {contact.can_receive_questions && (
          <ButtonLink kind="secondary" icon="chat"
            href={`/help/ask?contact=${contact.id}${topic ? `&topic=${topic}` : ""}`}>
            {t("Ask a question")}
          </ButtonLink>
        )}
      </div>
    </li>
  );
}
