/* write.h: internals of the event writers shared inside io/ and with agg/. */
#ifndef DYAD_IO_WRITE_H
#define DYAD_IO_WRITE_H

#include "../base/base.h"

#endif
