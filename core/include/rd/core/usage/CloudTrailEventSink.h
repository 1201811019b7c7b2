// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include "rd/core/usage/CloudTrailEvent.h"

namespace rd::core
{

/// Receives the events of one reading thread of CloudTrailReader, one at a time.
class CloudTrailEventSink
{
public:
    virtual ~CloudTrailEventSink();
    virtual void consume(const CloudTrailEvent &event) = 0;
};

} // namespace rd::core
