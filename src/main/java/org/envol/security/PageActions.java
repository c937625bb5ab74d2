package org.envol.security;

import java.util.function.Supplier;
import org.envol.ledger.RejectedException;
import org.envol.ledger.Messages;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a page's act and leaves its outcome for the next page (post, redirect, get): a notice when
 * done, the rejection's message when refused. Access denials go through: they answer 403.
 */
@Component
class PageActions {

    private final Messages messages;

    PageActions(Messages messages) {
        this.messages = messages;
    }

    <T> T run(RedirectAttributes flash, Supplier<T> act, String noticeKey, Object... noticeArgs) {
        try {
            T result = act.get();
            flash.addFlashAttribute("notice", messages.get(noticeKey, noticeArgs));
            return result;
        } catch (UserRejectedException e) {
            flash.addFlashAttribute("error", message(e));
        } catch (RejectedException e) {
            flash.addFlashAttribute("error", String.join(" ", e.rejections().stream().map(messages::rejection).toList()));
        }
        return null;
    }

    String text(String key, Object... args) {
        return messages.get(key, args);
    }

    String message(UserRejectedException e) {
        return messages.get(e.messageKey(), e.args().toArray());
    }
}
