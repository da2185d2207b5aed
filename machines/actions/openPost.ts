import { error } from "../validate/diagnostic.ts";
import { hasId, idsOf } from "../validate/id-index.ts";
import { didYouMean } from "../validate/suggest.ts";
import { defineAction } from "./action.ts";

export const openPost = defineAction({
  type: "openPost",
  rule: {
    changesView: () => true,
    rendersOnPage: true,
    templates: () => [],
    check(action, place) {
      const posts = place.project.posts;
      if (hasId(posts, action.post)) return [];
      const hint = didYouMean(action.post, idsOf(posts), "posts");
      return [
        error(
          "unknownPost",
          `Post "${action.post}" does not exist; add it to "posts" or open another one (${hint}).`,
          `${place.pointer}/post`,
        ),
      ];
    },
  },
  effect: {
    land: (action, runtime) => runtime.openPost(action.post),
  },
});
