import { builder } from "./builder.ts";

export const PersonRole = builder.enumType("PersonRole", {
  description: "How a person relates to an article.",
  values: {
    MENTIONED: { description: "Named in the article's text." },
    REPORTER: { description: "Credited as reporter (记者, 通讯员, 实习生…)." },
    PHOTOGRAPHER: { description: "Credited for a photo (…摄)." },
    AUTHOR: { description: "Credited as author at the end of the article." },
  } as const,
});
