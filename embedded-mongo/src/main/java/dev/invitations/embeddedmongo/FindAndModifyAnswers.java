package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The stock {@code findAndModify} answers with the stored document itself, which the next update of it changes in
 * place. The answer is encoded after the collection's lock is released, so two concurrent {@code $inc}s of one
 * counter can both answer the second value (two writers would get the same event position). A copy taken under the
 * lock answers what this command did, as MongoDB does.
 */
final class FindAndModifyAnswers {

    private FindAndModifyAnswers() {
    }

    static Document detached(Document answer) {
        if (answer.get("value") instanceof Document value) {
            answer.put("value", value.cloneDeeply());
        }
        return answer;
    }
}
