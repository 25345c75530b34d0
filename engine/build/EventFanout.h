#pragma once

#include "engine/build/BuildEvent.h"

#include <QList>

namespace kiln::build {

// Hands every event to several sinks in order (the console, the summary, the log; in the
// GUI the console pane and the graph). Thread-safe when its sinks are; the list is fixed
// before the first post().
class EventFanout : public EventSink
{
public:
    void add(EventSink *sink)
    {
        if (sink)
            m_sinks << sink;
    }
    void post(const BuildEvent &event) override
    {
        for (EventSink *s : std::as_const(m_sinks))
            s->post(event);
    }

private:
    QList<EventSink *> m_sinks;
};

} // namespace kiln::build
